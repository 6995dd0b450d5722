package org.guanxi.crm.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
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
class KeyAccountPagesTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member owner;
  Cookie session;
  String customer;

  @BeforeEach
  void signedInOwnerOfAKeyCustomer() throws Exception {
    workspace = workspaces.create();
    owner = workspace.member(Role.SALES);
    session = PageLogin.signIn(mvc, owner.username(), TestWorkspace.PASSWORD);
    customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", owner.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"kind\": \"ORGANIZATION\", \"name\": \"招商银行\", \"classification\": \"KEY_ACCOUNT\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
  }

  @Test
  void aPlanStartedFromTheListOpensWithItsSectionsAndTheOpportunitiesPlaceholder()
      throws Exception {
    mvc.perform(get("/").cookie(session))
        .andExpect(content().string(containsString("href=\"/key-accounts\"")))
        .andExpect(content().string(containsString("大客户")));
    mvc.perform(get("/key-accounts").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("大客户计划")))
        .andExpect(content().string(containsString("暂无计划")))
        .andExpect(content().string(containsString("<option value=\"" + customer + "\"")));
    String location = start();
    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("招商银行")))
        .andExpect(content().string(containsString("年度目标")))
        .andExpect(content().string(containsString("客户方关键人")))
        .andExpect(content().string(containsString("客户团队")))
        .andExpect(content().string(containsString("id=\"plan-opportunities\"")))
        .andExpect(content().string(containsString("约定的下一步")));
    mvc.perform(
            post("/key-accounts")
                .cookie(session)
                .with(csrf())
                .param("customerId", customer)
                .param("year", String.valueOf(TODAY.getYear())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("该客户本年度已有计划")))
        .andExpect(content().string(containsString(location)));
  }

  @Test
  void sectionsChangeThroughHtmxAndAnOverdueStepIsHighlightedInTheList() throws Exception {
    String location = start();
    change(location + "/goals", "0", "description", "存款规模增长 20%", "targetAmount", "5000000")
        .andExpect(status().isOk())
        .andExpect(content().string(startsWith("<div id=\"plan\"")))
        .andExpect(content().string(containsString("存款规模增长 20%")))
        .andExpect(content().string(containsString("CNY 5,000,000.00")));
    change(
            location + "/stakeholders",
            "1",
            "name",
            "陈行长",
            "buyingRole",
            "DECISION_MAKER",
            "attitude",
            "CHAMPION")
        .andExpect(content().string(containsString("陈行长")))
        .andExpect(content().string(containsString("决策者")));
    change(
            location + "/steps",
            "2",
            "description",
            "高层拜访",
            "ownerId",
            owner.id().toString(),
            "reviewDate",
            TODAY.minusDays(1).toString())
        .andExpect(content().string(containsString("高层拜访")))
        .andExpect(content().string(containsString("已逾期")));
    mvc.perform(get("/key-accounts").cookie(session))
        .andExpect(content().string(containsString("class=\"overdue\"")))
        .andExpect(content().string(containsString(TODAY.minusDays(1).toString())));
    change(location + "/goals", "3", "description", " ")
        .andExpect(content().string(containsString("未保存任何内容")))
        .andExpect(content().string(containsString("请填写内容")));
  }

  @Test
  void aStaleChangeShowsTheConflictAndSavesNothing() throws Exception {
    String location = start();
    change(location + "/goals", "0", "description", "第一个目标").andExpect(status().isOk());
    change(location + "/goals", "0", "description", "冲突的目标")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("在此期间其他人修改了该计划")))
        .andExpect(content().string(not(containsString("冲突的目标"))));
  }

  @Test
  void aReaderSeesThePlanWithoutFormsAndOthersDoNotSeeItAtAll() throws Exception {
    String location = start();
    Member service = workspace.member(Role.SERVICE);
    Cookie serviceSession = PageLogin.signIn(mvc, service.username(), TestWorkspace.PASSWORD);
    mvc.perform(get(location).cookie(serviceSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("您可以查看此计划")))
        .andExpect(content().string(not(containsString("name=\"action\""))));
    change(serviceSession, location + "/goals", "0", "description", "x")
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("只有客户负责人、经理和客户团队可以修改此计划")));
    Member otherRep = workspace.member(Role.SALES);
    Cookie otherSession = PageLogin.signIn(mvc, otherRep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get(location).cookie(otherSession))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("该计划不存在或您无权查看")));
    mvc.perform(get("/key-accounts").cookie(otherSession))
        .andExpect(content().string(not(containsString("招商银行"))));
  }

  @Test
  void thePagesSpeakEnglishAndTraditionalChinese() throws Exception {
    String location = start();
    mvc.perform(get(location).cookie(session).header("Accept-Language", "en"))
        .andExpect(content().string(containsString("Goals for the year")))
        .andExpect(content().string(containsString("Open opportunities")));
    mvc.perform(get("/key-accounts").cookie(session).header("Accept-Language", "zh-TW"))
        .andExpect(content().string(containsString("大客戶計畫")));
  }

  @Test
  void deletingThePlanFromItsPageNeedsTheCurrentVersion() throws Exception {
    String location = start();
    mvc.perform(post(location + "/delete").cookie(session).with(csrf()).param("version", "3"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("在此期间其他人修改了该计划")));
    mvc.perform(post(location + "/delete").cookie(session).with(csrf()).param("version", "0"))
        .andExpect(redirectedUrl("/key-accounts"));
    mvc.perform(get(location).cookie(session)).andExpect(status().isNotFound());
    assertThat(location).startsWith("/key-accounts/");
  }

  private String start() throws Exception {
    return mvc.perform(
            post("/key-accounts")
                .cookie(session)
                .with(csrf())
                .param("customerId", customer)
                .param("year", String.valueOf(TODAY.getYear())))
        .andExpect(status().is3xxRedirection())
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private ResultActions change(String path, String version, String... params) throws Exception {
    return change(session, path, version, params);
  }

  private ResultActions change(Cookie as, String path, String version, String... params)
      throws Exception {
    var request =
        post(path).cookie(as).with(csrf()).header("HX-Request", "true").param("version", version);
    for (int i = 0; i + 1 < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request);
  }
}
