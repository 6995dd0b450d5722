package org.guanxi.crm.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.PhoneAndEmailStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The contacts of customers. Callers check that the customer is visible before they come here. A
 * contact's phone and e-mail are sealed for the contact, which keeps them when its customer is
 * merged into another.
 */
@Repository
class ContactStore extends PhoneAndEmailStore {

  private static final int RESEALED_PER_BATCH = 1_000;

  private static final String INSERT =
      """
      insert into customer_contact (workspace_id, id, customer_id, name, title, phone_enc, phone_bidx, phone_tail_bidx,
        email_enc, email_bidx, is_primary, created_at)
      values (guanxi_current_workspace(), :id, :customerId, :name, :title, :phoneEnc, :phoneBidx, :phoneTailBidx,
        :emailEnc, :emailBidx, :primary, :now)
      """;

  private final JdbcClient jdbc;

  ContactStore(
      JdbcClient jdbc,
      NamedParameterJdbcTemplate batch,
      FieldCipher cipher,
      BlindIndex blindIndex) {
    super("customer_contact", RESEALED_PER_BATCH, cipher, blindIndex, batch);
    this.jdbc = jdbc;
  }

  /**
   * A contact as a draft describes it: name and title stripped, phone and e-mail normalised (errors
   * named {@code fieldPrefix + "phone"}).
   */
  record Content(
      String name,
      @Nullable String title,
      @Nullable String phone,
      @Nullable String email,
      boolean primary) {

    static Content of(ContactDraft draft, String fieldPrefix) {
      return new Content(
          draft.name().strip(),
          SensitiveValues.text(draft.title()),
          SensitiveValues.phone(fieldPrefix + "phone", draft.phone()),
          SensitiveValues.email(fieldPrefix + "email", draft.email()),
          draft.isPrimary());
    }
  }

  void insert(UUID id, UUID customerId, Content contact, Instant now) {
    StoreWrites.insert(jdbc, INSERT, parameters(id, customerId, contact), id, now);
  }

  boolean update(UUID id, UUID customerId, long expectedVersion, Content contact) {
    Map<String, Object> params = parameters(id, customerId, contact);
    params.put("version", expectedVersion);
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

  /**
   * The contact as statement parameters, its phone and e-mail sealed; a primary contact first makes
   * the customer's other contacts not primary.
   */
  private Map<String, Object> parameters(UUID id, UUID customerId, Content contact) {
    if (contact.primary()) {
      clearPrimary(customerId);
    }
    Map<String, Object> params = sealed(id, contact.phone(), contact.email());
    params.put("id", id);
    params.put("customerId", customerId);
    params.put("name", contact.name());
    params.put("title", contact.title());
    params.put("primary", contact.primary());
    return params;
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

  private Contact contact(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Contact(
        id,
        rs.getObject("customer_id", UUID.class),
        rs.getString("name"),
        rs.getString("title"),
        opened(rs, "phone_enc", id),
        opened(rs, "email_enc", id),
        rs.getBoolean("is_primary"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getLong("version"));
  }
}
