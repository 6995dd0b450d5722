package org.guanxi.crm.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of {@link PersonalData} that is the same in every module: the module's name, its copies
 * of records, and {@link #find} as the records of the person's copies, each naming those of its
 * personal fields that hold something. A module adds its own SQL: what it copies, erases and finds
 * by e-mail or phone.
 */
public abstract class ModulePersonalData implements PersonalData {

  /** The kind of the copies of {@link #importRow}. */
  protected static final String IMPORT_ROW = "import-row";

  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  /**
   * A copy of a row of an import that named the person (the result set's {@code import_id} and
   * {@code row_number}, kind {@link #IMPORT_ROW}): its import and number, what became of it ({@code
   * outcome}), and as {@code key} what the file held, the JSON {@code type} sealed in {@code
   * column} of {@code table}.
   */
  protected PersonalCopy importRow(
      ResultSet rs,
      FieldCipher cipher,
      String table,
      String column,
      Map<String, @Nullable Object> outcome,
      String key,
      Class<?> type)
      throws SQLException {
    UUID importId = rs.getObject("import_id", UUID.class);
    int row = rs.getInt("row_number");
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("importId", importId.toString());
    values.put("rowNumber", row);
    values.putAll(outcome);
    values.put(
        key,
        JSON.readValue(
            cipher.decrypt(rs.getBytes(column), FieldContext.of(table, column, importId, row)),
            type));
    return copyOf(IMPORT_ROW, importId + "/" + row, values);
  }
}
