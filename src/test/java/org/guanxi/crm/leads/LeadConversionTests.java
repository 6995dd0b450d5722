package org.guanxi.crm.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class LeadConversionTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void aQualifiedLeadBecomesACompanyWithItsPersonAsPrimaryContactAndTheTimelineSaysSo()
      throws Exception {
    String lead =
        qualifiedLead(
            "{\"name\": \"王小明\", \"company\": \"星河科技\", \"title\": \"采购经理\", \"phone\": \"13912345678\","
                + " \"email\": \"wxm@xinghe.cn\", \"city\": \"杭州\", \"industry\": \"制造业\"}");
    String answer =
        convert(lead, null, null)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.customerCreated").value(true))
            .andExpect(jsonPath("$.lead.status").value("CONVERTED"))
            .andExpect(header().string("ETag", "\"2\""))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String customer = JsonPath.read(answer, "$.customerId");
    assertThat(JsonPath.<String>read(answer, "$.lead.customerId")).isEqualTo(customer);

    read("/api/v1/customers/" + customer)
        .andExpect(jsonPath("$.kind").value("ORGANIZATION"))
        .andExpect(jsonPath("$.name").value("星河科技"))
        .andExpect(jsonPath("$.city").value("杭州"))
        .andExpect(jsonPath("$.ownerId").value(sales.id().toString()));
    read("/api/v1/customers/" + customer + "/contacts")
        .andExpect(jsonPath("$.items[0].name").value("王小明"))
        .andExpect(jsonPath("$.items[0].primary").value(true))
        .andExpect(jsonPath("$.items[0].phone").value("139****5678"));
    read("/api/v1/customers/" + customer + "/timeline")
        .andExpect(jsonPath("$.items[*].kind", hasItem("LEAD_CONVERTED")))
        .andExpect(jsonPath("$.items[0].detail.link").value("/leads/" + lead));
  }

  @Test
  void aLeadWithoutCompanyBecomesAnIndividualCustomer() throws Exception {
    String lead = qualifiedLead("{\"name\": \"刘一手\", \"phone\": \"13700001111\"}");
    String customer = JsonPath.read(body(convert(lead, null, null)), "$.customerId");
    read("/api/v1/customers/" + customer)
        .andExpect(jsonPath("$.kind").value("INDIVIDUAL"))
        .andExpect(jsonPath("$.name").value("刘一手"))
        .andExpect(jsonPath("$.phone").value("137****1111"));
  }

  @Test
  void aDuplicateCustomerStopsTheConversionWith409ListingItAndNothingIsConverted()
      throws Exception {
    String existing = customer("{\"kind\": \"ORGANIZATION\", \"name\": \"远洋贸易有限公司\"}");
    String contactHolder = customer("{\"kind\": \"ORGANIZATION\", \"name\": \"蓝天集团\"}");
    mvc.perform(
        post("/api/v1/customers/" + contactHolder + "/contacts")
            .header("Authorization", sales.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"某人\", \"email\": \"boss@yuanyang.cn\"}"));
    String lead =
        qualifiedLead(
            "{\"name\": \"陈总\", \"company\": \"远洋贸易有限公司\", \"email\": \"Boss@YuanYang.cn\"}");

    convert(lead, null, null)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("possible-duplicates"))
        .andExpect(jsonPath("$.candidates[*].id", containsInAnyOrder(existing, contactHolder)))
        .andExpect(jsonPath("$.candidates[?(@.id == '" + existing + "')].reasons[0]").value("NAME"))
        .andExpect(
            jsonPath("$.candidates[?(@.id == '" + contactHolder + "')].reasons[0]").value("EMAIL"))
        .andExpect(jsonPath("$.candidates[0].name").exists());
    read("/api/v1/leads/" + lead).andExpect(jsonPath("$.status").value("QUALIFIED"));
    assertThat(customerNames()).containsExactlyInAnyOrder("远洋贸易有限公司", "蓝天集团");
  }

  @Test
  void choosingTheExistingCustomerAddsTheContactThereAndConvertsTheLead() throws Exception {
    String existing = customer("{\"kind\": \"ORGANIZATION\", \"name\": \"远洋贸易有限公司\"}");
    String lead = qualifiedLead("{\"name\": \"陈总\", \"company\": \"远洋贸易\"}");
    convert(lead, null, "{\"customerId\": \"" + existing + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customerId").value(existing))
        .andExpect(jsonPath("$.customerCreated").value(false));
    read("/api/v1/customers/" + existing + "/contacts")
        .andExpect(jsonPath("$.items[0].name").value("陈总"))
        .andExpect(jsonPath("$.items[0].primary").value(false));
    assertThat(customerNames()).containsExactly("远洋贸易有限公司");
  }

  @Test
  void createNewMakesASecondCustomerDespiteTheCandidates() throws Exception {
    customer("{\"kind\": \"ORGANIZATION\", \"name\": \"远洋贸易有限公司\"}");
    String lead = qualifiedLead("{\"company\": \"远洋贸易有限公司\"}");
    convert(lead, null, "{\"createNew\": true}").andExpect(status().isOk());
    assertThat(customerNames()).containsExactly("远洋贸易有限公司", "远洋贸易有限公司");
  }

  @Test
  void aCustomerTheRepMayNotSeeIsACandidateWithoutItsNameAndCannotBeChosen() throws Exception {
    Member otherRep = workspace.member(Role.SALES);
    String hidden =
        JsonPath.read(
            body(
                mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", otherRep.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"kind\": \"INDIVIDUAL\", \"name\": \"别人的客户\", \"phone\": \"13600002222\"}"))),
            "$.id");
    String lead = qualifiedLead("{\"name\": \"新来的\", \"phone\": \"136 0000 2222\"}");
    convert(lead, null, null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.candidates[0].id").value(hidden))
        .andExpect(jsonPath("$.candidates[0].visible").value(false))
        .andExpect(jsonPath("$.candidates[0].name").value(nullValue()))
        .andExpect(jsonPath("$.candidates[0].reasons[0]").value("PHONE"));
    convert(lead, null, "{\"customerId\": \"" + hidden + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-customer"));
    read("/api/v1/leads/" + lead).andExpect(jsonPath("$.status").value("QUALIFIED"));
  }

  @Test
  void aConvertedLeadCannotBeConvertedChangedOrDeletedAgain() throws Exception {
    String lead = qualifiedLead("{\"name\": \"一次就好\"}");
    convert(lead, null, null).andExpect(status().isOk());
    convert(lead, null, "{\"createNew\": true}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("lead-already-converted"))
        .andExpect(jsonPath("$.customerId").exists());
    mvc.perform(
            patch("/api/v1/leads/" + lead)
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"改\"}"))
        .andExpect(status().isConflict());
    mvc.perform(
            delete("/api/v1/leads/" + lead)
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead)))
        .andExpect(status().isConflict());
    assertThat(customerNames()).containsExactly("一次就好");
  }

  @Test
  void anUnqualifiedLeadIsNotConvertedAndAStaleVersionGets412() throws Exception {
    String lead = LeadApiTests.idOf(create("{\"name\": \"还没确认\"}"));
    convert(lead, null, null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("lead-not-qualified"));
    mvc.perform(
        post("/api/v1/leads/" + lead + "/qualify")
            .header("Authorization", sales.bearer())
            .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead)));
    convert(lead, "\"0\"", null).andExpect(status().isPreconditionFailed());
    convert(lead, null, "{\"customerId\": \"" + lead + "\", \"createNew\": true}")
        .andExpect(status().isUnprocessableContent());
    assertThat(customerNames()).isEmpty();
  }

  @Test
  void anotherOwnersOrWorkspacesLeadIsNotFoundAndNoCredentialsIs401() throws Exception {
    String lead = qualifiedLead("{\"name\": \"私有\"}");
    mvc.perform(
            post("/api/v1/leads/" + lead + "/convert")
                .header("Authorization", workspace.member(Role.SALES).bearer())
                .header("If-Match", "\"1\""))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/leads/" + lead + "/convert")
                .header("Authorization", workspaces.create().member(Role.ADMINISTRATOR).bearer())
                .header("If-Match", "\"1\""))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/leads/" + lead + "/convert")).andExpect(status().isUnauthorized());
    read("/api/v1/leads/" + lead).andExpect(jsonPath("$.status").value("QUALIFIED"));
  }

  @Test
  void aRepeatedConvertWithTheSameIdempotencyKeyConvertsOnce() throws Exception {
    String lead = qualifiedLead("{\"name\": \"重复提交\"}");
    String version = Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead);
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              post("/api/v1/leads/" + lead + "/convert")
                  .header("Authorization", sales.bearer())
                  .header("If-Match", version)
                  .header("Idempotency-Key", "convert-1"))
          .andExpect(status().isOk());
    }
    assertThat(customerNames()).containsExactly("重复提交");
  }

  @Test
  void theConvertPageShowsTheCandidatesAndConvertsIntoTheChosenOne() throws Exception {
    String existing = customer("{\"kind\": \"ORGANIZATION\", \"name\": \"远洋贸易有限公司\"}");
    String lead = qualifiedLead("{\"name\": \"陈总\", \"company\": \"远洋贸易有限公司\"}");
    var session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/leads/" + lead + "/convert").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("名称相同")))
        .andExpect(content().string(containsString("value=\"" + existing + "\"")));
    mvc.perform(
            post("/leads/" + lead + "/convert").cookie(session).with(csrf()).param("version", "1"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("以下客户可能与该线索相同")));
    mvc.perform(
            post("/leads/" + lead + "/convert")
                .cookie(session)
                .with(csrf())
                .param("version", "1")
                .param("target", existing))
        .andExpect(redirectedUrl("/customers/" + existing));
    mvc.perform(get("/leads/" + lead).cookie(session))
        .andExpect(content().string(containsString("已转化")));
  }

  private String qualifiedLead(String json) throws Exception {
    String id = LeadApiTests.idOf(create(json).andExpect(status().isCreated()));
    mvc.perform(
            post("/api/v1/leads/" + id + "/qualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + id)))
        .andExpect(status().isOk());
    return id;
  }

  private ResultActions create(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/leads")
            .header("Authorization", sales.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private String customer(String json) throws Exception {
    return JsonPath.read(
        body(
            mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", sales.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))),
        "$.id");
  }

  private ResultActions convert(String lead, String ifMatch, String json) throws Exception {
    var request =
        post("/api/v1/leads/" + lead + "/convert").header("Authorization", sales.bearer());
    request.header(
        "If-Match",
        ifMatch != null ? ifMatch : Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead));
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request);
  }

  private ResultActions read(String path) throws Exception {
    return mvc.perform(get(path).header("Authorization", sales.bearer()));
  }

  private List<String> customerNames() throws Exception {
    return JsonPath.read(
        body(
            mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/customers")
                    .header("Authorization", workspace.member(Role.ADMINISTRATOR).bearer()))),
        "$.items[*].name");
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
