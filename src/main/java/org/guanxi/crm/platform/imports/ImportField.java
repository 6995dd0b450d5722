package org.guanxi.crm.platform.imports;

import java.util.List;

/**
 * A field that a column of an imported file can fill, as an import target's enum of fields declares
 * it: its key (its name in the API, the mapping and the messages) and the column headers it is
 * recognised by without asking (English, simplified and traditional Chinese; compared as {@link
 * HeaderSynonyms#comparable} makes them, so case, spaces and punctuation do not count). An enum
 * keeps both in one {@link Column}, which its constants build with {@link #named}.
 */
public interface ImportField {

  /** The field's key and headers. */
  Column column();

  default String key() {
    return column().key();
  }

  default List<String> headers() {
    return column().headers();
  }

  /** A field's key and the headers it is recognised by. */
  record Column(String key, List<String> headers) {}

  /** A field recognised by its own headers. */
  static Column named(String key, String... headers) {
    return new Column(key, List.of(headers));
  }

  /** A field recognised by the headers all imports share ({@code common}) and its own. */
  static Column named(String key, List<HeaderSynonyms> common, String... own) {
    return new Column(key, HeaderSynonyms.join(common, own));
  }
}
