package org.guanxi.crm.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record of a person's data in clear, ready to be written as JSON: the "copy of all data held"
 * a person may ask for. Values are strings, numbers, booleans, dates as ISO text, lists and maps.
 */
public record PersonalCopy(
    String module, String kind, String id, Map<String, @Nullable Object> values) {

  public PersonalCopy {
    // a LinkedHashMap keeps the order the module gave and, unlike Map.copyOf, allows null values
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
