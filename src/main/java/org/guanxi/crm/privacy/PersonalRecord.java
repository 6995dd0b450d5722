package org.guanxi.crm.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One record that holds a person's data, and which of its fields do: what a data-subject request
 * finds, or what an erasure erased. Names fields, never their values.
 *
 * @param module the module that holds the record ({@code customer}, {@code leads}, …)
 * @param kind the kind of record in that module ({@code customer}, {@code contact}, {@code
 *     timeline-entry}, …)
 * @param id the record's key as text; a key of two parts (an import and its row) joined by {@code
 *     /}
 */
public record PersonalRecord(String module, String kind, String id, List<String> fields) {

  public PersonalRecord {
    fields = List.copyOf(fields);
  }

  /** The record a copy is of, naming those of its {@code personal} fields that hold something. */
  public static PersonalRecord of(PersonalCopy copy, Set<String> personal) {
    return new PersonalRecord(
        copy.module(),
        copy.kind(),
        copy.id(),
        copy.values().entrySet().stream()
            .filter(value -> personal.contains(value.getKey()) && holds(value.getValue()))
            .map(Map.Entry::getKey)
            .toList());
  }

  /** A blank text or an empty list or map holds nothing. */
  private static boolean holds(@Nullable Object value) {
    if (value instanceof String text) {
      return !text.isBlank();
    }
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    if (value instanceof Collection<?> list) {
      return !list.isEmpty();
    }
    return value != null;
  }
}
