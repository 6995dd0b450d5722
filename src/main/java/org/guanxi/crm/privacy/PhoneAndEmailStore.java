package org.guanxi.crm.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The part of a module's store that is the same for every table whose rows keep a person's phone
 * and e-mail ({@link SealedPhoneAndEmail}, as contacts and leads do): sealing them for a row,
 * opening them as a row is read, and sealing them again for the key rotation ({@link
 * SealedColumns}), {@code resealedPerBatch} rows a batch.
 */
public abstract class PhoneAndEmailStore implements SealedColumns<UUID> {

  private static final List<String> COLUMNS = List.of("phone_enc", "email_enc");

  protected final FieldCipher cipher;
  protected final BlindIndex blindIndex;
  protected final NamedParameterJdbcTemplate batch;
  private final String table;
  private final int resealedPerBatch;

  protected PhoneAndEmailStore(
      String table,
      int resealedPerBatch,
      FieldCipher cipher,
      BlindIndex blindIndex,
      NamedParameterJdbcTemplate batch) {
    this.table = table;
    this.resealedPerBatch = resealedPerBatch;
    this.cipher = cipher;
    this.blindIndex = blindIndex;
    this.batch = batch;
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  /**
   * Seals again the phone and e-mail of the next rows that are not sealed with the current key,
   * with their blind indexes; the version stays.
   */
  @Override
  public @Nullable UUID resealAfter(@Nullable UUID after) {
    return SealedPhoneAndEmail.resealAfter(
        cipher, blindIndex, batch, table, after, resealedPerBatch);
  }

  /**
   * Row {@code id}'s phone and e-mail sealed, with their blind indexes, as statement parameters.
   */
  protected Map<String, Object> sealed(UUID id, @Nullable String phone, @Nullable String email) {
    return SealedPhoneAndEmail.parameters(cipher, blindIndex, table, id, phone, email);
  }

  /**
   * The value sealed in {@code column} ({@code phone_enc}, {@code email_enc}) of row {@code id}.
   */
  protected @Nullable String opened(ResultSet rs, String column, UUID id) throws SQLException {
    return cipher.decrypt(rs.getBytes(column), FieldContext.of(table, column, id));
  }
}
