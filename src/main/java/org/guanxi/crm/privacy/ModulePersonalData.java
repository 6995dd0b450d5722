package org.guanxi.crm.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The part of {@link PersonalData} that is the same in every module: the module's name, its copies
 * of records, and {@link #find} as the records of the person's copies, each naming those of its
 * personal fields that hold something. A module adds its own SQL: what it copies, erases and finds
 * by e-mail or phone.
 */
public abstract class ModulePersonalData implements PersonalData {

  private final String module;
  private final Map<String, Set<String>> personalFields;

  /**
   * @param module the module's name, as in {@link PersonalRecord#module()}
   * @param personalFields the fields of each kind of record the module holds that are the person's;
   *     the others give context
   */
  protected ModulePersonalData(String module, Map<String, Set<String>> personalFields) {
    this.module = module;
    this.personalFields = Map.copyOf(personalFields);
  }

  @Override
  public final String module() {
    return module;
  }

  @Override
  public List<PersonalRecord> find(DataSubject subject) {
    return copy(subject).stream()
        .map(copy -> PersonalRecord.of(copy, personalFields.getOrDefault(copy.kind(), Set.of())))
        .toList();
  }

  /** A copy of one of this module's records of {@code kind}, keyed by {@code id} as text. */
  protected PersonalCopy copyOf(String kind, Object id, Map<String, @Nullable Object> values) {
    return new PersonalCopy(module, kind, id.toString(), values);
  }
}
