package org.guanxi.crm.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class OpportunityPagesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  Cookie session;
  String customer;
  List<String> stages;

  @BeforeEach
  void signedInRep() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    customer =
        JsonPath.read(
            body(api("/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}")),
            "$.id");
    stages =
        JsonPath.read(
            body(mvc.perform(get("/api/v1/pipelines").header("Authorization", rep.bearer()))),
            "$.items[0].stages[*].id");
  }

  @Test
  void aDealCreatedInTheFormShowsOnItsPageTheListTheBoardAndTheCustomerPanel() throws Exception {
    String location =
        mvc.perform(
                post("/opportunities")
                    .cookie(session)
                    .with(csrf())
                    .param("customerId", customer)
                    .param("name", "年度采购")
                    .param("amount", "120,000")
                    .param("currency", "CNY")
                    .param("expectedCloseDate", LocalDate.now().plusMonths(1).toString())
                    .param("ownerId", rep.id().toString())
                    .param("stageId", stages.get(1))
                    .param("competitors", "西门子，ABB")
                    .param("productId", "")
                    .param("description", "")
                    .param("quantity", "1")
                    .param("unitPrice", "")
                    .param("discountPercent", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("年度采购")))
        .andExpect(content().string(containsString("需求分析 Needs analysis")))
        .andExpect(content().string(containsString("CNY 120,000.00")))
        .andExpect(content().string(containsString("西门子, ABB")))
        .andExpect(content().string(containsString("赢单")));
    mvc.perform(get("/opportunities").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("年度采购")));
    mvc.perform(get("/opportunities/rows").cookie(session).param("status", "WON"))
        .andExpect(content().string(containsString("没有找到商机")));
    mvc.perform(get("/opportunities/board").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("deal-" + location.substring(15))))
        .andExpect(content().string(containsString("¥120,000")));
    mvc.perform(get("/opportunities/panel").cookie(session).param("customerId", customer))
        .andExpect(content().string(containsString("年度采购")));
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(content().string(containsString("/opportunities/panel?customerId=" + customer)));
  }

  @Test
  void badInputIsExplainedInTheFormAndTheTypedValuesStay() throws Exception {
    mvc.perform(
            post("/opportunities")
                .cookie(session)
                .with(csrf())
                .param("customerId", customer)
                .param("name", "没有金额")
                .param("amount", "")
                .param("expectedCloseDate", "2030-01-01")
                .param("nextStep", "打电话"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请填写此项")))
        .andExpect(content().string(containsString("value=\"打电话\"")));
    mvc.perform(get("/opportunities/rows").cookie(session))
        .andExpect(content().string(containsString("没有找到商机")));
  }

  @Test
  void aCardDroppedOnAnotherColumnComesBackMovedAndAStaleCardReloadsTheBoard() throws Exception {
    String deal = deal("看板商机");
    mvc.perform(
            post("/opportunities/" + deal + "/stage")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("version", "0")
                .param("stageId", stages.get(2)))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Trigger", "opportunity-moved"))
        .andExpect(content().string(containsString("data-version=\"1\"")))
        .andExpect(content().string(containsString("60%")))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(
            post("/opportunities/" + deal + "/stage")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("version", "0")
                .param("stageId", stages.get(3)))
        .andExpect(status().isConflict())
        .andExpect(header().string("HX-Refresh", "true"));
    mvc.perform(
            get("/opportunities/board/totals")
                .cookie(session)
                .param("pipelineId", pipeline())
                .param("stageId", stages.get(2)))
        .andExpect(content().string(containsString("1</span>")));
    mvc.perform(get("/api/v1/opportunities/" + deal).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.stageId").value(stages.get(2)));
  }

  @Test
  void theWinAndLoseDialogsCloseTheDealAndALossNeedsAReason() throws Exception {
    String lost = deal("输掉的商机");
    mvc.perform(
            post("/opportunities/" + lost + "/lose")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("reason", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请填写此项")));
    mvc.perform(
            post("/opportunities/" + lost + "/lose")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("reason", "PRICE"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/opportunities/" + lost).cookie(session))
        .andExpect(content().string(containsString("输单")))
        .andExpect(content().string(containsString("价格")));
    String won = deal("赢下的商机");
    mvc.perform(
            post("/opportunities/" + won + "/win")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("reason", "关系好")
                .param("order", "CONFIRMED"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/opportunities/" + won).cookie(session))
        .andExpect(content().string(containsString("查看订单")));
    deal("还在谈的商机");
    // a key-account plan shows the customer's open deals only
    mvc.perform(
            get("/opportunities/panel")
                .cookie(session)
                .param("customerId", customer)
                .param("status", "OPEN"))
        .andExpect(content().string(containsString("还在谈的商机")))
        .andExpect(content().string(not(containsString("输掉的商机"))))
        .andExpect(content().string(not(containsString("赢下的商机"))));
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(content().string(containsString("商机赢单")))
        .andExpect(content().string(containsString("商机输单")))
        .andExpect(content().string(containsString("下单")));
  }

  @Test
  void theForecastPageShowsTheChartAndTheTablesInEveryLanguage() throws Exception {
    String won = deal("赢下的商机");
    mvc.perform(
        post("/opportunities/" + won + "/win")
            .cookie(session)
            .with(csrf())
            .param("version", "0")
            .param("order", ""));
    mvc.perform(get("/opportunities/forecast").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("销售预测")))
        .andExpect(content().string(containsString("id=\"forecast-chart\"")))
        .andExpect(content().string(containsString("echarts")))
        .andExpect(content().string(containsString("&quot;won&quot;:[")))
        .andExpect(content().string(containsString("100.0%")));
    mvc.perform(get("/opportunities/forecast").cookie(session).param("lang", "zh-TW"))
        .andExpect(content().string(containsString("銷售預測")));
    mvc.perform(get("/opportunities/forecast").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Win rate and time by stage")));
    mvc.perform(get("/opportunities/forecast").cookie(session).param("from", "garbage"))
        .andExpect(status().isOk());
  }

  @Test
  void anAdministratorSetsUpAPipelineOnTheSettingsPageAndARepMayNot() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    Cookie adminSession = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/settings/pipelines").cookie(adminSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("销售管道 Sales pipeline")));
    mvc.perform(
            post("/settings/pipelines")
                .cookie(adminSession)
                .with(csrf())
                .param("name", "续约")
                .param("stageId", "", "", "")
                .param("stageName", "联系", "报价", "")
                .param("stageProbability", "20", "70", ""))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/settings/pipelines").cookie(adminSession))
        .andExpect(content().string(containsString("报价 70%")));
    mvc.perform(
            post("/settings/pipelines")
                .cookie(adminSession)
                .with(csrf())
                .param("name", "续约")
                .param("stageName", "联系")
                .param("stageProbability", "200"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("数值过大")));
    mvc.perform(get("/settings/pipelines").cookie(session)).andExpect(status().isForbidden());
  }

  @Test
  void theThreeBundlesHaveTheSameKeys() throws Exception {
    Properties en = bundle("");
    assertThat(bundle("_zh_CN").keySet()).isEqualTo(en.keySet());
    assertThat(bundle("_zh_TW").keySet()).isEqualTo(en.keySet());
  }

  Properties bundle(String suffix) throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/i18n/opportunities" + suffix + ".properties")) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void aBoardColumnAddsItsCurrenciesUpInTheBaseCurrencyOrNamesTheMissingRate() throws Exception {
    api(
            "/api/v1/opportunities",
            "{\"name\": \"伦敦项目\", \"customerId\": \"%s\", \"amount\": 1000, \"currency\": \"GBP\", \"expectedCloseDate\": \"%s\"}"
                .formatted(customer, LocalDate.now().plusMonths(1)))
        .andExpect(status().isCreated());
    String stage =
        JsonPath.read(
            body(mvc.perform(get("/api/v1/opportunities").header("Authorization", rep.bearer()))),
            "$.items[0].stageId");
    columnTotal(stage)
        .andExpect(content().string(containsString("今日缺少汇率 GBP → CNY")))
        .andExpect(content().string(not(containsString("¥0"))));

    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(
            post("/api/v1/exchange-rates")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"currency\":\"GBP\",\"validFrom\":\"%s\",\"rate\":9}"
                        .formatted(LocalDate.now().minusDays(1))))
        .andExpect(status().isCreated());
    columnTotal(stage)
        .andExpect(content().string(containsString("¥9,000.00")))
        .andExpect(content().string(not(containsString("缺少汇率"))));
  }

  ResultActions columnTotal(String stageId) throws Exception {
    return mvc.perform(
        get("/opportunities/board/totals")
            .cookie(session)
            .param("pipelineId", pipeline())
            .param("stageId", stageId));
  }

  String pipeline() throws Exception {
    return JsonPath.read(
        body(mvc.perform(get("/api/v1/pipelines").header("Authorization", rep.bearer()))),
        "$.items[0].id");
  }

  String deal(String name) throws Exception {
    return JsonPath.read(
        body(
            api(
                "/api/v1/opportunities",
                "{\"name\": \"%s\", \"customerId\": \"%s\", \"amount\": 10000, \"expectedCloseDate\": \"%s\"}"
                    .formatted(name, customer, LocalDate.now().plusMonths(1)))),
        "$.id");
  }

  ResultActions api(String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", rep.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
