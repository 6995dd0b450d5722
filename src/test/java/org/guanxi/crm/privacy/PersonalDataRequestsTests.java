package org.guanxi.crm.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Grants;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.privacy.DataSubject.ContactSubject;
import org.guanxi.crm.privacy.DataSubject.CustomerSubject;
import org.guanxi.crm.privacy.DataSubject.LeadSubject;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class PersonalDataRequestsTests {

  static final String PHONE = "13912345678";
  static final String EMAIL = "wxm@xinghe.cn";

  @Autowired MockMvc mvc;
  @Autowired Grants grants;
  @Autowired TestWorkspaces workspaces;
  @Autowired PersonalDataRequests requests;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member sales;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @Test
  void everyModuleThatStoresPersonalDataAnswersRequests() {
    assertThat(requests.modules())
        .as("a new module storing personal data implements PersonalData and is listed here")
        .containsExactly("customer", "interaction", "keyaccounts", "leads", "orders", "tasks");
  }

  @Test
  void findListsWhatEveryModuleHoldsAndCopyGivesItInClear() throws Exception {
    Person person = customerFromLeadWithContactAndOrder();
    CustomerSubject subject = new CustomerSubject(person.customer());

    List<PersonalRecord> found = workspace.in(() -> requests.findEverywhere(subject));
    assertThat(found)
        .extracting(record -> record.module() + "." + record.kind())
        .contains(
            "customer.customer",
            "customer.contact",
            "customer.timeline-entry",
            "leads.lead",
            "orders.order");
    assertThat(found)
        .filteredOn(record -> record.kind().equals("customer"))
        .singleElement()
        .satisfies(
            record -> assertThat(record.fields()).contains("name", "phone", "email", "city"));

    List<PersonalCopy> copies = workspace.in(() -> requests.copyEverywhere(user(admin), subject));
    assertThat(copy(copies, "customer", person.customer()))
        .containsEntry("name", "王小明")
        .containsEntry("phone", PHONE)
        .containsEntry("email", EMAIL);
    assertThat(copy(copies, "contact", person.contact()))
        .containsEntry("name", "李丽")
        .containsEntry("phone", "13800001111")
        .containsEntry("email", "li.li@example.cn");
    assertThat(copy(copies, "lead", person.lead())).containsEntry("phone", PHONE);
    assertThat(copies)
        .filteredOn(copy -> copy.kind().equals("order"))
        .singleElement()
        .satisfies(copy -> assertThat(copy.values()).containsEntry("customerName", "王小明"));

    String audit = auditEvents();
    assertThat(JsonPath.<String>read(audit, "$.items[0].action")).isEqualTo("EXPORT");
    assertThat(JsonPath.<String>read(audit, "$.items[0].subjectId"))
        .isEqualTo(person.customer().toString());
    assertThat(JsonPath.<String>read(audit, "$.items[0].detail"))
        .contains("data-subject-copy")
        .doesNotContain(PHONE, EMAIL, "王小明");
  }

  @Test
  void theSubjectsOfAnEmailOrPhoneAreFoundInEveryModule() throws Exception {
    Person person = customerFromLeadWithContactAndOrder();
    // the conversion made the lead's person the customer's primary contact too
    assertThat(workspace.in(() -> requests.subjectsWith("WXM@xinghe.cn", null)))
        .contains(new CustomerSubject(person.customer()), new LeadSubject(person.lead()))
        .extracting(DataSubject::type)
        .containsExactlyInAnyOrder("customer", "contact", "lead");
    assertThat(workspace.in(() -> requests.subjectsWith(null, "+86 138 0000 1111")))
        .containsExactly(new ContactSubject(person.customer(), person.contact()));
  }

  @Test
  void erasureRemovesThePersonFromEveryModuleKeepsTheOrdersAmountsAndIsAudited() throws Exception {
    Person person = customerFromLeadWithContactAndOrder();
    TestWorkspace other = workspaces.create();
    Member otherRep = other.member(Role.SALES);
    String namesake =
        customer(
            otherRep,
            "{\"kind\": \"INDIVIDUAL\", \"name\": \"王小明\", \"phone\": \"%s\"}".formatted(PHONE));
    CustomerSubject subject = new CustomerSubject(person.customer());

    List<PersonalRecord> erased =
        workspace.in(() -> requests.eraseEverywhere(user(admin), subject));

    assertThat(erased).extracting(PersonalRecord::module).contains("customer", "leads", "orders");
    Map<String, Object> customer =
        row(
            """
            select name, phone_enc, phone_bidx, phone_tail_bidx, email_enc, email_bidx, city, erased_at
            from customer where id = ?""",
            person.customer());
    assertThat(customer.get("name")).isEqualTo(PersonalData.ERASED_NAME);
    assertThat(customer.get("erased_at")).isNotNull();
    assertThat(customer)
        .containsEntry("phone_enc", null)
        .containsEntry("phone_bidx", null)
        .containsEntry("phone_tail_bidx", null)
        .containsEntry("email_enc", null)
        .containsEntry("email_bidx", null)
        .containsEntry("city", null);
    assertThat(
            row(
                "select name, phone_enc, phone_bidx, email_enc, email_bidx from customer_contact where id = ?",
                person.contact()))
        .containsEntry("name", PersonalData.ERASED_NAME)
        .containsEntry("phone_enc", null)
        .containsEntry("phone_bidx", null)
        .containsEntry("email_enc", null)
        .containsEntry("email_bidx", null);
    assertThat(
            row(
                "select name, phone_enc, phone_bidx, email_enc, email_bidx from sales_lead where id = ?",
                person.lead()))
        .containsEntry("name", PersonalData.ERASED_NAME)
        .containsEntry("phone_enc", null)
        .containsEntry("email_bidx", null);
    assertThat(
            workspace.in(
                () ->
                    jdbc.sql("select detail::text from customer_timeline where customer_id = ?")
                        .params(person.customer())
                        .query(String.class)
                        .list()))
        .isNotEmpty()
        .containsOnly("{}");
    assertThat(
            row(
                "select customer_name, amount from sales_order where customer_id = ?",
                person.customer()))
        .containsEntry("customer_name", PersonalData.ERASED_NAME)
        .satisfies(order -> assertThat(order.get("amount").toString()).startsWith("2000"));

    assertThat(names(sales, PHONE)).isEmpty();
    assertThat(names(sales, "5678")).isEmpty();
    assertThat(names(sales, "王小明")).isEmpty();
    assertThat(workspace.in(() -> requests.findEverywhere(subject))).isEmpty();
    assertThat(workspace.in(() -> requests.subjectsWith(EMAIL, PHONE))).isEmpty();

    String audit = auditEvents();
    assertThat(JsonPath.<String>read(audit, "$.items[0].action")).isEqualTo("ERASE");
    assertThat(JsonPath.<String>read(audit, "$.items[0].subjectType")).isEqualTo("customer");
    assertThat(JsonPath.<String>read(audit, "$.items[0].subjectId"))
        .isEqualTo(person.customer().toString());
    assertThat(JsonPath.<String>read(audit, "$.items[0].detail"))
        .contains("customer.contact", "leads.lead", "orders.order", "phone")
        .doesNotContain(PHONE, EMAIL, "王小明", "李丽");

    mvc.perform(get("/api/v1/customers/" + namesake).header("Authorization", otherRep.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("王小明"))
        .andExpect(jsonPath("$.phone").value("139****5678"));
    assertThat(names(otherRep, PHONE)).containsExactly("王小明");
  }

  @Test
  void erasingAContactLeavesItsCustomerAndTakesItsStakeholderAndTimelineMentions()
      throws Exception {
    String customer =
        customer(
            sales,
            "{\"kind\": \"ORGANIZATION\", \"name\": \"华为技术\", \"classification\": \"KEY_ACCOUNT\","
                + " \"phone\": \"02112345678\"}");
    String contact =
        contact(customer, "{\"name\": \"刘伟\", \"title\": \"CIO\", \"phone\": \"13700002222\"}");
    String colleague = contact(customer, "{\"name\": \"陈静\", \"phone\": \"13700003333\"}");
    mvc.perform(
            post("/api/v1/key-account-plans")
                .header("Authorization", sales.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"customerId": "%s", "year": 2026,
                     "stakeholders": [{"name": "刘伟", "title": "CIO", "buyingRole": "DECISION_MAKER",
                                       "attitude": "SUPPORTER", "contactId": "%s"},
                                      {"name": "王总", "buyingRole": "ECONOMIC_BUYER", "attitude": "SCEPTIC"}]}"""
                        .formatted(customer, contact)))
        .andExpect(status().isCreated());
    ContactSubject subject =
        new ContactSubject(UUID.fromString(customer), UUID.fromString(contact));

    assertThat(workspace.in(() -> requests.findEverywhere(subject)))
        .extracting(record -> record.module() + "." + record.kind())
        .containsExactlyInAnyOrder(
            "customer.contact", "customer.timeline-entry", "keyaccounts.stakeholder");

    workspace.in(() -> requests.eraseEverywhere(user(admin), subject));

    assertThat(workspace.in(() -> requests.findEverywhere(subject))).isEmpty();
    assertThat(
            row(
                "select name, title, phone_bidx from customer_contact where id = ?",
                UUID.fromString(contact)))
        .containsEntry("name", PersonalData.ERASED_NAME)
        .containsEntry("title", null)
        .containsEntry("phone_bidx", null);
    assertThat(
            workspace.in(
                () ->
                    jdbc.sql(
                            "select s.name from sales_key_account_stakeholder s order by s.position")
                        .query(String.class)
                        .list()))
        .containsExactly(PersonalData.ERASED_NAME, "王总");
    assertThat(names(sales, "02112345678")).containsExactly("华为技术");
    assertThat(names(sales, "13700003333")).containsExactly("华为技术");
    assertThat(names(sales, "13700002222")).isEmpty();
    assertThat(
            workspace.in(
                () ->
                    jdbc.sql("select name from customer_contact where id = ?")
                        .params(UUID.fromString(colleague))
                        .query(String.class)
                        .single()))
        .isEqualTo("陈静");
    String audit = auditEvents();
    assertThat(JsonPath.<String>read(audit, "$.items[0].subjectType")).isEqualTo("contact");
    assertThat(JsonPath.<String>read(audit, "$.items[0].detail")).contains(customer);
  }

  @Test
  void erasingALeadLeavesOtherLeadsAlone() throws Exception {
    String lead =
        lead("{\"name\": \"赵六\", \"phone\": \"13600004444\", \"email\": \"zhao@example.cn\"}");
    String kept = lead("{\"name\": \"钱七\", \"phone\": \"13600005555\"}");
    LeadSubject subject = new LeadSubject(UUID.fromString(lead));

    assertThat(workspace.in(() -> requests.findEverywhere(subject)))
        .singleElement()
        .satisfies(record -> assertThat(record.fields()).contains("name", "phone", "email"));
    workspace.in(() -> requests.eraseEverywhere(user(admin), subject));

    assertThat(workspace.in(() -> requests.findEverywhere(subject))).isEmpty();
    mvc.perform(get("/api/v1/leads/" + lead).header("Authorization", sales.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value(PersonalData.ERASED_NAME))
        .andExpect(jsonPath("$.phone").doesNotExist());
    mvc.perform(get("/api/v1/leads/" + kept).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.name").value("钱七"))
        .andExpect(jsonPath("$.phone").value("136****5555"));
  }

  @Test
  void administratorsAnswerRequestsThroughTheApiAndOthersAreRefused() throws Exception {
    Person person = customerFromLeadWithContactAndOrder();
    String customer = person.customer().toString();

    mvc.perform(
            get("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", sales.bearer()))
        .andExpect(status().isForbidden());
    mvc.perform(
            delete("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", sales.bearer()))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/personal-data")
                .param("contactId", person.contact().toString())
                .header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-subject"));
    mvc.perform(
            delete("/api/v1/personal-data")
                .param("customerId", "not-an-id")
                .header("Authorization", admin.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("customerId"));

    mvc.perform(
            get("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.records[?(@.kind == 'customer')].fields[*]", hasItem("phone")));
    mvc.perform(
            get("/api/v1/personal-data/copy")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.copies[?(@.kind == 'customer')].values.phone", hasItem(PHONE)));
    mvc.perform(
            get("/api/v1/personal-data/subjects")
                .param("phone", PHONE)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].type", hasItems("customer", "lead")));
    mvc.perform(
            delete("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.erased[*].module", hasItems("customer", "leads", "orders")));
    mvc.perform(
            get("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.records").isEmpty());
    assertThat(JsonPath.<String>read(auditEvents(), "$.items[0].action")).isEqualTo("ERASE");
  }

  @Test
  void noTokenIsRefusedAndAnotherWorkspacesAdministratorNeitherFindsNorErasesThePerson()
      throws Exception {
    Person person = customerFromLeadWithContactAndOrder();
    String customer = person.customer().toString();
    mvc.perform(get("/api/v1/personal-data").param("customerId", customer))
        .andExpect(status().isUnauthorized());

    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(
            get("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", foreignAdmin.bearer()))
        .andExpect(jsonPath("$.records").isEmpty());
    mvc.perform(
            get("/api/v1/personal-data/subjects")
                .param("phone", PHONE)
                .header("Authorization", foreignAdmin.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(
            delete("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", foreignAdmin.bearer()))
        .andExpect(jsonPath("$.erased").isEmpty());

    mvc.perform(
            get("/api/v1/personal-data/copy")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.copies[?(@.kind == 'customer')].values.phone", hasItem(PHONE)));
  }

  record Person(UUID customer, UUID contact, UUID lead) {}

  /** An individual customer converted from a lead, with a contact, an order and a timeline. */
  private Person customerFromLeadWithContactAndOrder() throws Exception {
    String lead =
        lead(
            "{\"name\": \"王小明\", \"phone\": \"%s\", \"email\": \"%s\", \"city\": \"杭州\"}"
                .formatted(PHONE, EMAIL));
    mvc.perform(
            post("/api/v1/leads/" + lead + "/qualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead)))
        .andExpect(status().isOk());
    String customer =
        JsonPath.read(
            body(
                mvc.perform(
                        post("/api/v1/leads/" + lead + "/convert")
                            .header("Authorization", sales.bearer())
                            .header(
                                "If-Match",
                                Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead)))
                    .andExpect(status().isOk())),
            "$.customerId");
    String contact =
        contact(
            customer,
            "{\"name\": \"李丽\", \"phone\": \"+86 138 0000 1111\", \"email\": \"Li.Li@example.cn\"}");
    String product =
        idOf(
            created(
                admin,
                "/api/v1/products",
                "{\"code\":\"P-1\",\"name\":\"工业水泵\",\"unit\":\"台\",\"listPrice\":1000,\"unitCost\":600}"));
    created(
        sales,
        "/api/v1/orders",
        "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 2}]}"
            .formatted(customer, product));
    return new Person(UUID.fromString(customer), UUID.fromString(contact), UUID.fromString(lead));
  }

  private String lead(String json) throws Exception {
    return idOf(created(sales, "/api/v1/leads", json));
  }

  private String customer(Member member, String json) throws Exception {
    return idOf(created(member, "/api/v1/customers", json));
  }

  private String contact(String customer, String json) throws Exception {
    return idOf(created(sales, "/api/v1/customers/" + customer + "/contacts", json));
  }

  private ResultActions created(Member member, String path, String json) throws Exception {
    return mvc.perform(
            post(path)
                .header("Authorization", member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated());
  }

  private List<String> names(Member member, String q) throws Exception {
    return JsonPath.read(
        body(
            mvc.perform(
                    get("/api/v1/customers").param("q", q).header("Authorization", member.bearer()))
                .andExpect(status().isOk())),
        "$.items[*].name");
  }

  private String auditEvents() throws Exception {
    return body(
        mvc.perform(get("/api/v1/audit-events").header("Authorization", admin.bearer()))
            .andExpect(status().isOk()));
  }

  private Map<String, Object> row(String sql, UUID id) {
    return workspace.in(() -> jdbc.sql(sql).params(id).query().singleRow());
  }

  private static Map<String, Object> copy(List<PersonalCopy> copies, String kind, UUID id) {
    return copies.stream()
        .filter(copy -> copy.kind().equals(kind) && copy.id().equals(id.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no copy of " + kind + " " + id))
        .values();
  }

  private CurrentUser user(Member member) {
    return new CurrentUser(
        workspace.id(),
        member.id(),
        member.username(),
        "Test " + member.username(),
        Set.of(member.role()),
        grants.of(Set.of(member.role())),
        workspace.headOffice(),
        List.of(workspace.headOffice()),
        null);
  }

  private static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(body(created), "$.id");
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
