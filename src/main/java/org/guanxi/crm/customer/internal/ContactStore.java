package org.guanxi.crm.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.platform.StoreWrites;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.FieldContext;
import org.guanxi.crm.privacy.SealedPhoneAndEmail;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The contacts of customers. Callers check that the customer is visible before they come here. A
 * contact's phone and e-mail are sealed for the contact, which keeps them when its customer is
 * merged into another.
 */
@Repository
class ContactStore implements SealedColumns<UUID> {

  private static final int RESEALED_PER_BATCH = 1_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batchJdbc;
  private final FieldCipher cipher;
  private final BlindIndex blindIndex;

  ContactStore(JdbcClient jdbc, JdbcTemplate batchJdbc, FieldCipher cipher, BlindIndex blindIndex) {
    this.jdbc = jdbc;
    this.batchJdbc = batchJdbc;
    this.cipher = cipher;
    this.blindIndex = blindIndex;
  }

  private static FieldContext sealed(String column, UUID contact) {
    return FieldContext.of("customer_contact", column, contact);
  }

  void insert(
      UUID id,
      UUID customerId,
      String name,
      @Nullable String title,
      @Nullable String phone,
      @Nullable String email,
      boolean primary,
      Instant now) {
    if (primary) {
      clearPrimary(customerId);
    }
    Map<String, Object> params = personalData(id, phone, email);
    params.put("id", id);
    params.put("customerId", customerId);
    params.put("name", name);
    params.put("title", title);
    params.put("primary", primary);
    params.put("now", Timestamp.from(now));
    jdbc.sql(
            """
            insert into customer_contact (workspace_id, id, customer_id, name, title, phone_enc, phone_bidx, phone_tail_bidx,
              email_enc, email_bidx, is_primary, created_at)
            values (guanxi_current_workspace(), :id, :customerId, :name, :title, :phoneEnc, :phoneBidx, :phoneTailBidx,
              :emailEnc, :emailBidx, :primary, :now)
            """)
        .params(params)
        .update();
  }

  boolean update(
      UUID id,
      UUID customerId,
      long expectedVersion,
      String name,
      @Nullable String title,
      @Nullable String phone,
      @Nullable String email,
      boolean primary) {
    if (primary) {
      clearPrimary(customerId);
    }
    Map<String, Object> params = personalData(id, phone, email);
    params.put("id", id);
    params.put("customerId", customerId);
    params.put("version", expectedVersion);
    params.put("name", name);
    params.put("title", title);
    params.put("primary", primary);
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update customer_contact set name = :name, title = :title, phone_enc = :phoneEnc, phone_bidx = :phoneBidx,
                  phone_tail_bidx = :phoneTailBidx, email_enc = :emailEnc, email_bidx = :emailBidx, is_primary = :primary,
                  version = version + 1
                where id = :id and customer_id = :customerId and version = :version
                """)
            .params(params));
  }

  /** The sealed phone and e-mail with their blind indexes, as statement parameters. */
  private Map<String, Object> personalData(
      UUID id, @Nullable String phone, @Nullable String email) {
    return SealedPhoneAndEmail.parameters(cipher, blindIndex, "customer_contact", id, phone, email);
  }

  boolean delete(UUID id, UUID customerId) {
    return StoreWrites.changedOne(
        jdbc.sql("delete from customer_contact where id = ? and customer_id = ?")
            .params(id, customerId));
  }

  List<Contact> ofCustomer(UUID customerId) {
    return jdbc.sql(
            "select * from customer_contact where customer_id = ? order by is_primary desc, created_at, id")
        .param(customerId)
        .query(this::contact)
        .list();
  }

  Optional<Contact> find(UUID id, UUID customerId) {
    return jdbc.sql("select * from customer_contact where id = ? and customer_id = ?")
        .params(id, customerId)
        .query(this::contact)
        .optional();
  }

  private void clearPrimary(UUID customerId) {
    jdbc.sql(
            "update customer_contact set is_primary = false, version = version + 1 where customer_id = ? and is_primary")
        .param(customerId)
        .update();
  }

  @Override
  public String table() {
    return "customer_contact";
  }

  @Override
  public List<String> columns() {
    return List.of("phone_enc", "email_enc");
  }

  /**
   * Seals again the phone and e-mail of the next thousand contacts that are not sealed with the
   * current key, with their blind indexes; the version stays.
   */
  @Override
  public @Nullable UUID resealAfter(@Nullable UUID after) {
    List<UUID> ids = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    jdbc.sql(
            "select id, phone_enc, email_enc from customer_contact where id > ? order by id limit ? for update")
        .params(after == null ? new UUID(0, 0) : after, RESEALED_PER_BATCH)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              ids.add(id);
              byte[] phone = rs.getBytes("phone_enc");
              byte[] email = rs.getBytes("email_enc");
              if ((phone != null && !cipher.isCurrent(phone))
                  || (email != null && !cipher.isCurrent(email))) {
                Map<String, Object> p =
                    personalData(
                        id,
                        cipher.decrypt(phone, sealed("phone_enc", id)),
                        cipher.decrypt(email, sealed("email_enc", id)));
                updates.add(
                    new Object[] {
                      p.get("phoneEnc"),
                      p.get("phoneBidx"),
                      p.get("phoneTailBidx"),
                      p.get("emailEnc"),
                      p.get("emailBidx"),
                      id
                    });
              }
            });
    if (!updates.isEmpty()) {
      batchJdbc.batchUpdate(
          """
          update customer_contact set phone_enc = ?, phone_bidx = ?, phone_tail_bidx = ?, email_enc = ?,
            email_bidx = ?
          where id = ?
          """,
          updates);
    }
    return ids.isEmpty() ? null : ids.get(ids.size() - 1);
  }

  private Contact contact(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Contact(
        id,
        rs.getObject("customer_id", UUID.class),
        rs.getString("name"),
        rs.getString("title"),
        cipher.decrypt(rs.getBytes("phone_enc"), sealed("phone_enc", id)),
        cipher.decrypt(rs.getBytes("email_enc"), sealed("email_enc", id)),
        rs.getBoolean("is_primary"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getLong("version"));
  }
}
