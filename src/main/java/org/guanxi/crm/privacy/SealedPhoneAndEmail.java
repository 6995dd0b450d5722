package org.guanxi.crm.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A person's phone number and e-mail address as a row of a module's table keeps them: each sealed
 * for its table, column ({@code phone_enc}, {@code email_enc}) and row, with the blind indexes they
 * are found by, the phone's also by its last four digits. Customers, their contacts and leads keep
 * them alike.
 */
public final class SealedPhoneAndEmail {

  private SealedPhoneAndEmail() {}

  /**
   * The sealed values and their blind indexes as the named statement parameters {@code phoneEnc},
   * {@code phoneBidx}, {@code phoneTailBidx}, {@code emailEnc} and {@code emailBidx}.
   */
  public static Map<String, Object> parameters(
      FieldCipher cipher,
      BlindIndex blindIndex,
      String table,
      UUID row,
      @Nullable String phone,
      @Nullable String email) {
    Map<String, Object> params = new HashMap<>();
    params.put("phoneEnc", cipher.encrypt(phone, FieldContext.of(table, "phone_enc", row)));
    params.put("phoneBidx", blindIndex.of(SensitiveField.PHONE, phone));
    params.put(
        "phoneTailBidx", blindIndex.of(SensitiveField.PHONE_TAIL, ContactValues.phoneTail(phone)));
    params.put("emailEnc", cipher.encrypt(email, FieldContext.of(table, "email_enc", row)));
    params.put("emailBidx", blindIndex.of(SensitiveField.EMAIL, email));
    return params;
  }

  /**
   * Seals again the phone and e-mail of the next {@code limit} rows of {@code table} after {@code
   * after} (null: from the first row) that are not sealed with the current key, with their blind
   * indexes; the version stays. Returns the last row looked at, null when none was left.
   */
  public static @Nullable UUID resealAfter(
      FieldCipher cipher,
      BlindIndex blindIndex,
      NamedParameterJdbcTemplate jdbc,
      String table,
      @Nullable UUID after,
      int limit) {
    List<UUID> ids = new ArrayList<>();
    List<SqlParameterSource> updates = new ArrayList<>();
    jdbc.getJdbcTemplate()
        .query(
            "select id, phone_enc, email_enc from "
                + table
                + " where id > ? order by id limit ? for update",
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              ids.add(id);
              byte[] phone = rs.getBytes("phone_enc");
              byte[] email = rs.getBytes("email_enc");
              if ((phone != null && !cipher.isCurrent(phone))
                  || (email != null && !cipher.isCurrent(email))) {
                Map<String, Object> params =
                    parameters(
                        cipher,
                        blindIndex,
                        table,
                        id,
                        cipher.decrypt(phone, FieldContext.of(table, "phone_enc", id)),
                        cipher.decrypt(email, FieldContext.of(table, "email_enc", id)));
                params.put("id", id);
                updates.add(new MapSqlParameterSource(params));
              }
            },
            after == null ? new UUID(0, 0) : after,
            limit);
    if (!updates.isEmpty()) {
      jdbc.batchUpdate(
          "update "
              + table
              + """
               set phone_enc = :phoneEnc, phone_bidx = :phoneBidx, phone_tail_bidx = :phoneTailBidx,
                email_enc = :emailEnc, email_bidx = :emailBidx
              where id = :id
              """,
          updates.toArray(SqlParameterSource[]::new));
    }
    return ids.isEmpty() ? null : ids.get(ids.size() - 1);
  }
}
