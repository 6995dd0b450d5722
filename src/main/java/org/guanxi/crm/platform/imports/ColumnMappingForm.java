package org.guanxi.crm.platform.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanxi.crm.platform.JsonFormFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The mapping page of an import: a select per column of the uploaded file, named {@code column0},
 * {@code column1}, … in the order of the file's headers, whose value is the field the column fills
 * (empty: the column is left out).
 */
public final class ColumnMappingForm {

  private ColumnMappingForm() {}

  /** What the user chose for each header, in the file's order; empty for a column left out. */
  public static Map<String, @Nullable String> choices(
      List<String> headers, Map<String, String> form) {
    Map<String, @Nullable String> choices = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      choices.put(headers.get(i), form.getOrDefault("column" + i, ""));
    }
    return choices;
  }

  /**
   * The user's choices as the API takes them: the part {@code mapping}, a JSON object {@code
   * {"column header": "field key"}} (an empty key leaves a column out); none when it is absent.
   */
  public static Map<String, @Nullable String> fromJson(
      JsonFormFields fields, @Nullable String mapping) {
    return fields.read(
        "mapping",
        mapping,
        new TypeReference<Map<String, @Nullable String>>() {},
        Map.of(),
        "The mapping is a JSON object of column headers and field names");
  }
}
