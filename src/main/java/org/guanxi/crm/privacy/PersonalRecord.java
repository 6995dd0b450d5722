package org.guanxi.crm.privacy;

import java.util.List;

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
}
