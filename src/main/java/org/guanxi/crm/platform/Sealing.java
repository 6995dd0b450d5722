package org.guanxi.crm.platform;

/**
 * Seals what platform keeps that may carry personal data (the answers kept for idempotent
 * requests), bound to where it is kept: the current workspace, a table, a column and a row. The
 * privacy module implements it with its field cipher and master key. Platform declares it because
 * privacy depends on platform, never the other way round; a cipher of platform's own would need a
 * second key to keep and to rotate.
 */
public interface Sealing {

  byte[] seal(byte[] clear, String table, String column, String row);

  /**
   * The value as it was sealed; an {@link IllegalStateException} when it was sealed for another
   * place, is damaged, or its key is no longer held.
   */
  byte[] open(byte[] sealed, String table, String column, String row);

  /** Whether a value is sealed with the current key; a key rotation seals the others again. */
  boolean isCurrent(byte[] sealed);
}
