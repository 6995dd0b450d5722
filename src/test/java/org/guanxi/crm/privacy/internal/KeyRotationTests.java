package org.guanxi.crm.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.privacy.FieldContext;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A key rotation seals every value of every module again with the new master key: afterwards the
 * old key is not needed, and searches by e-mail and phone still find their records. The rotation
 * here runs in the test's workspace only; the application keeps the new key for the tests after.
 */
@GuanxiTest
class KeyRotationTests {

  static final String PHONE = "13812345678";
  static final String EMAIL = "rotation@example.com";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;
  @Autowired Keyring keyring;
  @Autowired KeyRotation rotation;
  @Autowired List<SealedColumns<?>> sealedTables;

  @Test
  void afterARotationEverySealedValueCarriesTheNewKeyAndOpensWithItAlone() throws Exception {
    TestWorkspace workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    UUID customer = sealedValuesOfEveryKind(workspace, admin);
    MasterKey old = keyring.current();
    byte[] phoneBefore = stored(workspace, "select phone_enc from customer where id = ?", customer);

    MasterKey fresh = keyring.makeNewKeyCurrent();
    rotation.resealIn(workspace.id());

    List<String> checked = new ArrayList<>();
    for (SealedColumns<?> table : sealedTables) {
      for (String column : table.columns()) {
        for (byte[] value : everyValue(workspace, table.table(), column)) {
          assertThat(value[0]).as("format of %s.%s", table.table(), column).isEqualTo((byte) 2);
          assertThat(ByteBuffer.wrap(value, 1, 4).getInt())
              .as("key of %s.%s", table.table(), column)
              .isEqualTo(fresh.id());
          checked.add(table.table() + "." + column);
        }
      }
    }
    assertThat(checked)
        .contains(
            "customer.phone_enc",
            "customer.email_enc",
            "customer.id_card_enc",
            "customer.birthday_enc",
            "customer.address_enc",
            "customer_contact.phone_enc",
            "sales_lead.phone_enc",
            "sales_lead.email_enc",
            "sales_lead_import_row.cells_enc",
            "customer_import.file_enc",
            "idempotent_request.request_hash",
            "idempotent_request.response_body");
    byte[] phoneAfter = stored(workspace, "select phone_enc from customer where id = ?", customer);
    assertThat(phoneAfter).isNotEqualTo(phoneBefore);

    AesGcmFieldCipher newKeyAlone = new AesGcmFieldCipher(Keyring.of(fresh));
    AesGcmFieldCipher oldKeyAlone = new AesGcmFieldCipher(Keyring.of(old));
    FieldContext phone = FieldContext.of("customer", "phone_enc", customer);
    assertThat(workspace.in(() -> newKeyAlone.decrypt(phoneAfter, phone))).isEqualTo(PHONE);
    assertThat(
            workspace.in(
                () ->
                    newKeyAlone.decrypt(
                        stored(
                            workspace, "select address_enc from customer where id = ?", customer),
                        FieldContext.of("customer", "address_enc", customer))))
        .as("a value sealed before key ids, sealed again")
        .isEqualTo("旧格式路1号");
    assertThatThrownBy(() -> workspace.in(() -> oldKeyAlone.decrypt(phoneAfter, phone)))
        .isInstanceOf(IllegalStateException.class);

    mvc.perform(
            get("/api/v1/customers/" + customer + "?reveal=true")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.phone").value(PHONE))
        .andExpect(jsonPath("$.address").value("旧格式路1号"));
    mvc.perform(get("/api/v1/customers").param("q", PHONE).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].id").value(customer.toString()));
    mvc.perform(get("/api/v1/customers").param("q", EMAIL).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].id").value(customer.toString()));
    mvc.perform(get("/api/v1/leads").param("q", "5678").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1));
  }

  @Test
  void aRotationRunAgainLeavesValuesSealedWithTheCurrentKeyAsTheyAre() throws Exception {
    TestWorkspace workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    UUID customer = sealedValuesOfEveryKind(workspace, admin);
    keyring.makeNewKeyCurrent();
    rotation.resealIn(workspace.id());
    byte[] once = stored(workspace, "select phone_enc from customer where id = ?", customer);

    rotation.resealIn(workspace.id());

    assertThat(stored(workspace, "select phone_enc from customer where id = ?", customer))
        .isEqualTo(once);
  }

  /**
   * A customer with every personal field (its address in the format before key ids), a contact, a
   * lead, a lead import's rejected row, a customer import waiting for its mapping, and an answer
   * kept for an idempotency key.
   */
  private UUID sealedValuesOfEveryKind(TestWorkspace workspace, Member admin) throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", admin.bearer())
                    .header("Idempotency-Key", "rotation-" + UUID.randomUUID())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"kind": "INDIVIDUAL", "name": "轮换测试", "phone": "%s", "email": "%s",
                         "idCard": "11010519491231002X", "birthday": "1949-12-31", "address": "秘密路88号"}"""
                            .formatted(PHONE, EMAIL)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID customer = UUID.fromString(JsonPath.read(created, "$.id"));
    byte[] legacyAddress = AesGcmFieldCipherTests.sealedWithoutKeyId(keyring.current(), "旧格式路1号");
    workspace.in(
        () ->
            jdbc.sql("update customer set address_enc = ? where id = ?")
                .params(legacyAddress, customer)
                .update());
    mvc.perform(
            post("/api/v1/customers/" + customer + "/contacts")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\": \"联系人\", \"phone\": \"13900001111\", \"email\": \"c@example.com\"}"))
        .andExpect(status().isCreated());
    mvc.perform(
            post("/api/v1/leads")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\": \"线索\", \"phone\": \"13700005678\", \"email\": \"l@example.com\"}"))
        .andExpect(status().isCreated());
    mvc.perform(
            multipart("/api/v1/leads/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "leads.csv",
                        "text/csv",
                        "name,phone\n甲,12\n".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", admin.bearer()))
        .andExpect(status().isCreated());
    mvc.perform(
            multipart("/customers/imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "customers.csv",
                        "text/csv",
                        "列一,列二\n张三,13600001234\n".getBytes(StandardCharsets.UTF_8)))
                .cookie(PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    return customer;
  }

  private byte[] stored(TestWorkspace workspace, String query, UUID id) {
    return workspace.in(() -> jdbc.sql(query).param(id).query(byte[].class).single());
  }

  private List<byte[]> everyValue(TestWorkspace workspace, String table, String column) {
    return workspace.in(
        () ->
            jdbc.sql("select %s from %s where %s is not null".formatted(column, table, column))
                .query(byte[].class)
                .list());
  }
}
