package org.guanxi.crm.platform.internal.money;

import org.guanxi.crm.platform.Versioned;

/**
 * The currency the workspace adds money up in, and the workspace's version (its ETag: changing the
 * base currency bumps it).
 */
record BaseCurrency(String currency, long version) implements Versioned {}
