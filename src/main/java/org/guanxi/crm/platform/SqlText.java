package org.guanxi.crm.platform;

/**
 * Text typed by a user made into a {@code like} pattern that finds it as it was typed: {@code %},
 * {@code _} and the escape character match themselves.
 */
public final class SqlText {

  private SqlText() {}

  /** A pattern of the text anywhere ({@code %text%}). */
  public static String likeAnywhere(String text) {
    return "%" + escaped(text) + "%";
  }

  /** A pattern of the text at the start ({@code text%}). */
  public static String likePrefix(String text) {
    return escaped(text) + "%";
  }

  private static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
