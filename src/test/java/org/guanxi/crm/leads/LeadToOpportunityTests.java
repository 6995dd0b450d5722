package org.guanxi.crm.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
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

/** Converting a qualified lead can open a deal for the customer in the same step. */
@GuanxiTest
class LeadToOpportunityTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void aRep() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void aConversionWithAnOpportunityCreatesCustomerContactAndDealInOneStep() throws Exception {
    String lead = qualifiedLead("{\"name\": \"王小明\", \"company\": \"星河科技\"}");
    String answer =
        body(
            convert(
                    lead,
                    """
                    {"opportunity": {"name": "星河年度采购", "amount": 80000, "expectedCloseDate": "2030-06-30"}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerCreated").value(true))
                .andExpect(jsonPath("$.opportunityId").isNotEmpty()));
    String customer = JsonPath.read(answer, "$.customerId");
    String deal = JsonPath.read(answer, "$.opportunityId");
    read("/api/v1/opportunities/" + deal)
        .andExpect(jsonPath("$.name").value("星河年度采购"))
        .andExpect(jsonPath("$.customerId").value(customer))
        .andExpect(jsonPath("$.leadId").value(lead))
        .andExpect(jsonPath("$.ownerId").value(sales.id().toString()))
        .andExpect(jsonPath("$.amount").value(80000))
        .andExpect(jsonPath("$.probability").value(10))
        .andExpect(jsonPath("$.status").value("OPEN"));
    read("/api/v1/customers/" + customer + "/contacts")
        .andExpect(jsonPath("$.items[0].name").value("王小明"));
  }

  @Test
  void aBadOpportunityStopsTheWholeConversionAndNothingIsSaved() throws Exception {
    String lead = qualifiedLead("{\"name\": \"王小明\", \"company\": \"星河科技\"}");
    convert(lead, "{\"opportunity\": {\"name\": \"\", \"amount\": -1}}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                hasItems(
                    "opportunity.name", "opportunity.amount", "opportunity.expectedCloseDate")));
    convert(
            lead,
            """
            {"opportunity": {"name": "x", "amount": 1, "expectedCloseDate": "2030-01-01", "pipelineId": "%s"}}"""
                .formatted(lead))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-pipeline"));
    read("/api/v1/leads/" + lead).andExpect(jsonPath("$.status").value("QUALIFIED"));
    List<String> customers = JsonPath.read(body(read("/api/v1/customers")), "$.items[*].name");
    assertThat(customers).isEmpty();
    List<String> deals = JsonPath.read(body(read("/api/v1/opportunities")), "$.items[*].name");
    assertThat(deals).isEmpty();
  }

  @Test
  void marketingConvertsLeadsButMayNotOpenDeals() throws Exception {
    Member marketing = workspace.member(Role.MARKETING);
    String lead = qualifiedLead("{\"company\": \"星河科技\"}");
    mvc.perform(
            post("/api/v1/leads/" + lead + "/convert")
                .header("Authorization", marketing.bearer())
                .header(
                    "If-Match", Versions.current(mvc, marketing.bearer(), "/api/v1/leads/" + lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"opportunity\": {\"name\": \"x\", \"amount\": 1, \"expectedCloseDate\": \"2030-01-01\"}}"))
        .andExpect(status().isForbidden());
    read("/api/v1/leads/" + lead).andExpect(jsonPath("$.status").value("QUALIFIED"));
  }

  @Test
  void theConvertPageOffersTheOpportunityAndOpensIt() throws Exception {
    String lead = qualifiedLead("{\"name\": \"刘一手\", \"company\": \"一手餐饮\"}");
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/leads/" + lead + "/convert").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("同时创建商机")))
        .andExpect(content().string(containsString("value=\"一手餐饮\"")));
    mvc.perform(get("/opportunities/pipeline-options").cookie(session))
        .andExpect(content().string(containsString("销售管道 Sales pipeline")));
    mvc.perform(
            post("/leads/" + lead + "/convert")
                .cookie(session)
                .with(csrf())
                .param("version", "1")
                .param("opportunity", "true")
                .param("opportunityName", "餐饮设备")
                .param("opportunityAmount", "12,000")
                .param("opportunityCurrency", "CNY")
                .param("opportunityCloseDate", "2030-03-31")
                .param("opportunityPipelineId", ""))
        .andExpect(status().is3xxRedirection());
    read("/api/v1/opportunities")
        .andExpect(jsonPath("$.items[0].name").value("餐饮设备"))
        .andExpect(jsonPath("$.items[0].amount").value(12000))
        .andExpect(jsonPath("$.items[0].leadId").value(lead));
  }

  String qualifiedLead(String json) throws Exception {
    String lead =
        JsonPath.read(
            body(
                mvc.perform(
                        post("/api/v1/leads")
                            .header("Authorization", sales.bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isCreated())),
            "$.id");
    mvc.perform(
            post("/api/v1/leads/" + lead + "/qualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead)))
        .andExpect(status().isOk());
    return lead;
  }

  ResultActions convert(String lead, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/leads/" + lead + "/convert")
            .header("Authorization", sales.bearer())
            .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + lead))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions read(String path) throws Exception {
    return mvc.perform(get(path).header("Authorization", sales.bearer()));
  }

  static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
