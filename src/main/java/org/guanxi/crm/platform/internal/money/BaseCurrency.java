package org.guanxi.crm.platform.internal.money;

/**
 * The currency the workspace adds money up in, and the workspace's version (its ETag: changing the
 * base currency bumps it).
 */
record BaseCurrency(String currency, long version) {}
