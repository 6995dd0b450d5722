package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import jakarta.servlet.http.Cookie;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GuanxiTest
class CustomerPagesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member manager;
  Cookie session;

  @BeforeEach
  void signedInManager() throws Exception {
    workspace = workspaces.create();
    manager = workspace.member(Role.MANAGER);
    session = logIn(manager);
  }

  @Test
  void aCustomerCreatedInTheFormOpensOnItsPageWithItsPhoneToCallForItsOwner() throws Exception {
    String location = createThroughForm("陈晓东", "13812345678");
    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("陈晓东")))
        .andExpect(content().string(containsString("href=\"tel:13812345678\"")))
        .andExpect(content().string(containsString("创建")));
  }

  @Test
  void badInputIsExplainedInTheFormAndTheTypedValuesStay() throws Exception {
    mvc.perform(
            post("/customers")
                .cookie(session)
                .with(csrf())
                .param("kind", "INDIVIDUAL")
                .param("name", "刘洋")
                .param("phone", "12")
                .param("email", "liu@@x")
                .param("city", "成都"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")))
        .andExpect(content().string(containsString("电话号码无效")))
        .andExpect(content().string(containsString("value=\"刘洋\"")))
        .andExpect(content().string(containsString("value=\"成都\"")));
    mvc.perform(get("/customers/rows").cookie(session).param("q", "刘洋"))
        .andExpect(content().string(containsString("没有找到客户")));
  }

  @Test
  void aBlankTagIsExplainedInTheFormNotAnError() throws Exception {
    mvc.perform(
            post("/customers")
                .cookie(session)
                .with(csrf())
                .param("kind", "INDIVIDUAL")
                .param("name", "")
                .param("tags", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")));
    mvc.perform(
            post("/customers")
                .cookie(session)
                .with(csrf())
                .param("kind", "INDIVIDUAL")
                .param("name", "刘洋")
                .param("tags", "重点, ,老客户"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")))
        .andExpect(content().string(containsString("value=\"刘洋\"")));
    mvc.perform(get("/customers/rows").cookie(session).param("q", "刘洋"))
        .andExpect(content().string(containsString("没有找到客户")));
  }

  @Test
  void savingAStaleCopyShowsTheConflictAndKeepsTheOtherChange() throws Exception {
    String location = createThroughForm("黄海燕", null);
    String id = location.substring(location.lastIndexOf('/') + 1);
    save(id, "0", "杭州").andExpect(redirectedUrl("/customers/" + id));
    save(id, "0", "南京")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("在您编辑期间，其他人修改了该客户")))
        .andExpect(content().string(containsString("value=\"南京\"")));
    mvc.perform(get(location).cookie(session)).andExpect(content().string(containsString("杭州")));
  }

  @Test
  void pagesSpeakTheChosenLanguageAndRememberIt() throws Exception {
    mvc.perform(get("/customers").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("New customer")))
        .andExpect(content().string(containsString("lang=\"en\"")));
    mvc.perform(get("/customers").cookie(session))
        .andExpect(content().string(containsString("New customer")));
    mvc.perform(get("/customers").cookie(session).param("lang", "zh-TW"))
        .andExpect(content().string(containsString("新增客戶")))
        .andExpect(content().string(containsString("回收桶")));
    mvc.perform(get("/customers").cookie(session).param("lang", "zh-CN"))
        .andExpect(content().string(containsString("新建客户")));
  }

  @Test
  void withoutASavedChoiceTheBrowsersLanguageIsUsed() throws Exception {
    mvc.perform(get("/login").header("Accept-Language", "zh-HK,zh;q=0.8"))
        .andExpect(content().string(containsString("登入關係")));
    mvc.perform(get("/login").header("Accept-Language", "en-GB,en;q=0.9"))
        .andExpect(content().string(containsString("Sign in to Guanxi")));
    mvc.perform(get("/login").header("Accept-Language", "fr-FR"))
        .andExpect(content().string(containsString("Sign in to Guanxi")));
    mvc.perform(get("/login")).andExpect(content().string(containsString("登录关系")));
  }

  @Test
  void aSalesRepSeesTheirOwnCustomersPhoneInFullButNoRevealButtonForOthers() throws Exception {
    Member rep = workspace.member(Role.SALES);
    Cookie repSession = logIn(rep);
    String location =
        mvc.perform(
                post("/customers")
                    .cookie(repSession)
                    .with(csrf())
                    .param("kind", "INDIVIDUAL")
                    .param("name", "许文博")
                    .param("phone", "13955556666"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get(location).cookie(repSession))
        .andExpect(content().string(containsString("href=\"tel:13955556666\"")))
        .andExpect(content().string(not(containsString("/personal-data\""))))
        .andExpect(content().string(not(containsString("查看完整信息"))));
    mvc.perform(get("/customers").cookie(repSession))
        .andExpect(content().string(containsString("139****6666")))
        .andExpect(content().string(not(containsString("13955556666"))));
    mvc.perform(get(location + "/personal-data").cookie(repSession))
        .andExpect(status().isForbidden());
  }

  @Test
  void aServiceAgentRevealsPersonalDataOnTheCustomerPageAndTheRevealIsAudited() throws Exception {
    // the manager's customer: its owner sees it in full; a service agent masked until revealed
    String location = createThroughForm("韩梅梅", "13700001111");
    Member agent = workspace.member(Role.SERVICE);
    Cookie agentSession = logIn(agent);
    mvc.perform(get(location).cookie(agentSession))
        .andExpect(content().string(containsString("137****1111")))
        .andExpect(content().string(not(containsString("13700001111"))))
        .andExpect(content().string(containsString("查看完整信息")));
    mvc.perform(get(location + "/personal-data").cookie(agentSession))
        .andExpect(content().string(containsString("13700001111")))
        .andExpect(content().string(containsString("已记入审计日志")));
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(get("/admin/audit").cookie(logIn(admin)))
        .andExpect(content().string(containsString(agent.username())))
        .andExpect(content().string(containsString("查看个人信息")));
  }

  @Test
  void anotherRepsCustomerPageIsNotFound() throws Exception {
    String location = createThroughForm("不给看", null);
    Member rep = workspace.member(Role.SALES);
    mvc.perform(get(location).cookie(logIn(rep)))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("该客户不存在或您无权查看")));
  }

  @Test
  void theRecycleBinRestoresADeletedCustomer() throws Exception {
    String location = createThroughForm("回收测试", null);
    mvc.perform(post(location + "/delete").cookie(session).with(csrf()).param("version", "0"))
        .andExpect(redirectedUrl("/customers"));
    mvc.perform(get("/customers").cookie(session))
        .andExpect(content().string(not(containsString("回收测试"))));
    mvc.perform(get("/customers").param("deleted", "true").cookie(session))
        .andExpect(content().string(containsString("回收测试")));
    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("该客户在回收站中")))
        .andExpect(content().string(containsString("/restore")));
    mvc.perform(post(location + "/restore").cookie(session).with(csrf()))
        .andExpect(redirectedUrl(location));
    mvc.perform(get("/customers").cookie(session))
        .andExpect(content().string(containsString("回收测试")));
  }

  @Test
  void theExternalKeyIsSetChangedAndClearedOnTheCustomerPage() throws Exception {
    String location = createThroughForm("外部编号客户", null);
    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("外部编号")))
        .andExpect(content().string(containsString("hx-post=\"" + location + "/external-key\"")));

    setKey(location, "0", " ERP-001 ", true)
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", location));
    mvc.perform(get(location).cookie(session))
        .andExpect(content().string(containsString("value=\"ERP-001\"")))
        .andExpect(content().string(containsString("externalKey")));
    setKey(location, "1", "ERP-002", false).andExpect(redirectedUrl(location));
    assertThat(apiKey(location)).isEqualTo("ERP-002");
    setKey(location, "2", "", true).andExpect(header().string("HX-Redirect", location));
    assertThat(apiKey(location)).isNull();
  }

  @Test
  void aKeyAnotherCustomerHasIsRefusedBesideTheFieldAndTheTypedKeyStays() throws Exception {
    String first = createThroughForm("第一客户", null);
    String second = createThroughForm("第二客户", null);
    setKey(first, "0", "ERP-7", true).andExpect(header().exists("HX-Redirect"));

    setKey(second, "0", "ERP-7", true)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("HX-Redirect"))
        .andExpect(content().string(containsString("其他客户已使用此外部编号")))
        .andExpect(content().string(containsString("value=\"ERP-7\"")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")))
        .andExpect(content().string(not(containsString("<html"))));
    setKey(second, "0", "ERP-7", false)
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("其他客户已使用此外部编号")))
        .andExpect(content().string(containsString("value=\"ERP-7\"")));
    setKey(second, "0", "k".repeat(201), true).andExpect(content().string(containsString("内容过长")));
    assertThat(apiKey(second)).isNull();

    mvc.perform(get("/customers").cookie(session).param("lang", "en"));
    setKey(second, "0", "ERP-7", true)
        .andExpect(content().string(containsString("Another customer has this external key.")));
    mvc.perform(get("/customers").cookie(session).param("lang", "zh-TW"));
    setKey(second, "0", "ERP-7", true).andExpect(content().string(containsString("其他客戶已使用此外部編號")));
  }

  @Test
  void aStaleKeyFormShowsTheConflictAndSavesOnTheSecondTry() throws Exception {
    String location = createThroughForm("并发客户", null);
    save(location.substring(location.lastIndexOf('/') + 1), "0", "杭州");
    setKey(location, "0", "ERP-8", true)
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("在此期间其他人修改了该客户")))
        .andExpect(content().string(containsString("value=\"ERP-8\"")))
        .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
    assertThat(apiKey(location)).isNull();
    setKey(location, "1", "ERP-8", true).andExpect(header().exists("HX-Redirect"));
    assertThat(apiKey(location)).isEqualTo("ERP-8");
  }

  @Test
  void whoMayNotEditTheCustomerCannotSetItsKey() throws Exception {
    String location = createThroughForm("只读客户", null);
    setKey(location, "0", "ERP-9", true).andExpect(header().exists("HX-Redirect"));

    Cookie otherRep = logIn(workspace.member(Role.SALES));
    mvc.perform(keyForm(location, "1", "ERP-X", otherRep)).andExpect(status().isNotFound());
    Cookie analyst = logIn(workspace.member(Role.ANALYST));
    mvc.perform(get(location).cookie(analyst))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ERP-9")))
        .andExpect(content().string(not(containsString("/external-key"))));
    mvc.perform(keyForm(location, "1", "ERP-X", analyst)).andExpect(status().isForbidden());
    Cookie foreign = logIn(workspaces.create().member(Role.ADMINISTRATOR));
    mvc.perform(keyForm(location, "1", "ERP-X", foreign)).andExpect(status().isNotFound());
    assertThat(apiKey(location)).isEqualTo("ERP-9");

    mvc.perform(post(location + "/delete").cookie(session).with(csrf()).param("version", "1"))
        .andExpect(redirectedUrl("/customers"));
    mvc.perform(get(location).cookie(session))
        .andExpect(content().string(containsString("ERP-9")))
        .andExpect(content().string(not(containsString("/external-key"))));
    mvc.perform(keyForm(location, "2", "ERP-X", session)).andExpect(status().isNotFound());
  }

  private org.springframework.test.web.servlet.ResultActions setKey(
      String location, String version, String key, boolean htmx) throws Exception {
    var request = keyForm(location, version, key, session);
    if (htmx) {
      request.header("HX-Request", "true");
    }
    return mvc.perform(request);
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder keyForm(
      String location, String version, String key, Cookie cookie) {
    return post(location + "/external-key")
        .cookie(cookie)
        .with(csrf())
        .param("version", version)
        .param("externalKey", key);
  }

  private String apiKey(String location) throws Exception {
    return com.jayway.jsonpath.JsonPath.read(
        mvc.perform(get("/api/v1" + location).header("Authorization", manager.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.externalKey");
  }

  private org.springframework.test.web.servlet.ResultActions save(
      String id, String version, String city) throws Exception {
    return mvc.perform(
        post("/customers/" + id)
            .cookie(session)
            .with(csrf())
            .param("version", version)
            .param("kind", "INDIVIDUAL")
            .param("name", "黄海燕")
            .param("city", city)
            .param("ownerId", manager.id().toString()));
  }

  private String createThroughForm(String name, String phone) throws Exception {
    var request =
        post("/customers")
            .cookie(session)
            .with(csrf())
            .param("kind", "INDIVIDUAL")
            .param("name", name);
    if (phone != null) {
      request.param("phone", phone);
    }
    String location =
        mvc.perform(request)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/customers/");
    return location;
  }

  private Cookie logIn(Member member) throws Exception {
    return PageLogin.signIn(mvc, member.username(), TestWorkspace.PASSWORD);
  }
}
