package org.guanxi.crm.platform;

/**
 * A record that carries the version it was read at, so that the API can send it with its {@code
 * ETag} and take the version back in {@code If-Match} ({@link ETags}).
 */
public interface Versioned {

  long version();
}
