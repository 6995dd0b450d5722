package org.guanxi.crm.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final @Nullable FieldCipher cipher;

  /**
   * @param module the module's name, as in {@link PersonalRecord#module()}
   * @param personalFields the fields of each kind of record the module holds that are the person's;
   *     the others give context
   */
  protected ModulePersonalData(String module, Map<String, Set<String>> personalFields) {
    this(module, personalFields, null);
  }

  /**
   * A module that seals personal data ({@link #open}, {@link #importRow}).
   *
   * @param cipher what opens the module's sealed columns
   */
  protected ModulePersonalData(
      String module, Map<String, Set<String>> personalFields, @Nullable FieldCipher cipher) {
    this.module = module;
    this.personalFields = Map.copyOf(personalFields);
    this.cipher = cipher;
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

  /**
   * The copies of {@code kind} that {@code query} finds, one a row: each keyed by the row's {@code
   * id}, its values put by {@code read} in the order it puts them.
   */
  protected List<PersonalCopy> copies(
      JdbcClient.StatementSpec query, String kind, CopyReader read) {
    return query
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              Values values = new Values(rs);
              read.read(rs, id, values);
              return copyOf(kind, id, values.values);
            })
        .list();
  }

  /** Reads a row's values into its copy. */
  @FunctionalInterface
  public interface CopyReader {

    void read(ResultSet rs, UUID id, Values values) throws SQLException;
  }

  /**
   * The values of a copy, read from its row: a column's under its name in camel case ({@code
   * buying_role} as {@code buyingRole}), in the order they are put.
   */
  public static final class Values {

    private final ResultSet rs;
    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    private Values(ResultSet rs) {
      this.rs = rs;
    }

    /** The text of each of {@code columns}. */
    public Values texts(String... columns) throws SQLException {
      for (String column : columns) {
        values.put(key(column), rs.getString(column));
      }
      return this;
    }

    /** The id in {@code column} as text; null when there is none. */
    public Values id(String column) throws SQLException {
      UUID id = rs.getObject(column, UUID.class);
      values.put(key(column), id == null ? null : id.toString());
      return this;
    }

    /** The time in {@code column}, as ISO-8601 text. */
    public Values instant(String column) throws SQLException {
      values.put(key(column), rs.getTimestamp(column).toInstant().toString());
      return this;
    }

    /** A value the module reads its own way. */
    public Values put(String key, @Nullable Object value) {
      values.put(key, value);
      return this;
    }

    private static String key(String column) {
      StringBuilder key = new StringBuilder(column.length());
      boolean upper = false;
      for (char c : column.toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          key.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return key.toString();
    }
  }

  /**
   * The rows of a customer or of one of its contacts, as a condition on a table's customer and
   * contact columns: {@code customerColumn = :customer}, and for a contact {@code contactColumn =
   * :contact} as well; empty for a lead, whom such a table does not hold. Its parameters are {@link
   * #customerOrContactParameters}.
   */
  protected static String customerOrContact(
      DataSubject subject, String customerColumn, String contactColumn) {
    if (subject instanceof DataSubject.CustomerSubject) {
      return customerColumn + " = :customer";
    }
    if (subject instanceof DataSubject.ContactSubject) {
      return customerColumn + " = :customer and " + contactColumn + " = :contact";
    }
    return "";
  }

  /**
   * The parameters of {@link #customerOrContact}: the customer, the contact, and {@code :erased}
   * ({@link #ERASED_NAME}), by which a query leaves out what is erased already.
   */
  protected static Map<String, Object> customerOrContactParameters(DataSubject subject) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("erased", ERASED_NAME);
    if (subject instanceof DataSubject.CustomerSubject customer) {
      parameters.put("customer", customer.customerId());
    } else if (subject instanceof DataSubject.ContactSubject contact) {
      parameters.put("customer", contact.customerId());
      parameters.put("contact", contact.contactId());
    }
    return parameters;
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
            cipher().decrypt(rs.getBytes(column), FieldContext.of(table, column, importId, row)),
            type));
    return copyOf(IMPORT_ROW, importId + "/" + row, values);
  }

  /** The value sealed in {@code column} of the row {@code id} of {@code table}, opened. */
  protected @Nullable String open(ResultSet rs, String table, String column, UUID id)
      throws SQLException {
    return cipher().decrypt(rs.getBytes(column), FieldContext.of(table, column, id));
  }

  private FieldCipher cipher() {
    return Objects.requireNonNull(cipher, "a module that seals personal data names its cipher");
  }
}
