package org.guanxi.crm.platform.imports;

import java.util.List;

/**
 * A field that a column of an imported file can fill, as an import target's enum of fields declares
 * it: its key (its name in the API, the mapping and the messages) and the column headers it is
 * recognised by without asking (English, simplified and traditional Chinese; compared as {@link
 * HeaderSynonyms#comparable} makes them, so case, spaces and punctuation do not count).
 */
public interface ImportField {

  String key();

  List<String> headers();
}
