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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@GuanxiTest
class WebToLeadFormTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Member rep;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    rep = workspace.member(Role.SALES);
  }

  @Test
  void aNewFormIsDisabledWithARandomKeyAndItsPublicAddressIsNotFound() throws Exception {
    String body =
        body(settings(admin).andExpect(status().isOk()).andExpect(header().exists("ETag")));
    String key = JsonPath.read(body, "$.formKey");
    assertThat(key).hasSizeGreaterThanOrEqualTo(20);
    assertThat(JsonPath.<Boolean>read(body, "$.enabled")).isFalse();
    mvc.perform(get("/forms/leads/" + key))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("form")));
    assertThat(
            JsonPath.<String>read(
                body(settings(workspaces.create().member(Role.ADMINISTRATOR))), "$.formKey"))
        .isNotEqualTo(key);
  }

  @Test
  void theEnabledFormAsksTheChosenFieldsInTheVisitorsLanguageAndMayBeFramed() throws Exception {
    String key = enable("[\"COMPANY\", \"EMAIL\"]", null);
    mvc.perform(get("/forms/leads/" + key).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("X-Frame-Options"))
        .andExpect(content().string(containsString("Your name")))
        .andExpect(content().string(containsString("name=\"company\"")))
        .andExpect(content().string(containsString("name=\"email\"")))
        .andExpect(content().string(not(containsString("name=\"phone\""))));
    mvc.perform(get("/forms/leads/" + key).header("Accept-Language", "zh-TW"))
        .andExpect(content().string(containsString("您的姓名")))
        .andExpect(content().string(containsString("送出")));
  }

  @Test
  void aSubmissionWithoutSignInOrCsrfTokenBecomesALeadOfTheDefaultOwner() throws Exception {
    String key =
        enable("[\"COMPANY\", \"PHONE\", \"MESSAGE\"]", "\"defaultOwnerId\": \"" + rep.id() + "\"");
    submit(
            key,
            "10.0.0.1",
            "name",
            "访客甲",
            "company",
            "甲公司",
            "phone",
            "13900009999",
            "message",
            "请报价")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("谢谢")));
    String list = body(mvc.perform(get("/api/v1/leads").header("Authorization", rep.bearer())));
    assertThat(JsonPath.<List<String>>read(list, "$.items[*].name")).containsExactly("访客甲");
    assertThat(JsonPath.<List<String>>read(list, "$.items[*].source")).containsExactly("web form");
    assertThat(JsonPath.<List<String>>read(list, "$.items[*].notes")).containsExactly("请报价");
    assertThat(JsonPath.<List<String>>read(list, "$.items[*].phone"))
        .containsExactly("139****9999");
  }

  @Test
  void fieldsTheFormDoesNotAskAreIgnored() throws Exception {
    String key = enable("[]", null);
    submit(key, "10.0.0.2", "name", "访客乙", "email", "x@y.cn", "source", "forged")
        .andExpect(status().isOk());
    String list = body(mvc.perform(get("/api/v1/leads").header("Authorization", admin.bearer())));
    assertThat(JsonPath.<List<String>>read(list, "$.items[*].email"))
        .containsExactly((String) null);
    assertThat(JsonPath.<List<String>>read(list, "$.items[*].source")).containsExactly("web form");
  }

  @Test
  void aFilledHoneypotPretendsSuccessAndSavesNothing() throws Exception {
    String key = enable("[]", null);
    submit(key, "10.0.0.3", "name", "机器人", "website", "http://spam.example")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("谢谢")));
    assertThat(leadNames()).isEmpty();
  }

  @Test
  void oneAddressIsLimitedToFiveSubmissionsInTenMinutesOthersStillGetThrough() throws Exception {
    String key = enable("[]", null);
    for (int i = 1; i <= 5; i++) {
      submit(key, "10.0.0.4", "name", "访客" + i).andExpect(status().isOk());
    }
    submit(key, "10.0.0.4", "name", "访客6")
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("提交过多")));
    submit(key, "10.0.0.5", "name", "别处访客").andExpect(status().isOk());
    assertThat(leadNames()).hasSize(6).doesNotContain("访客6");
  }

  @Test
  void tooLongFieldsAreExplainedAndNothingIsSaved() throws Exception {
    String key = enable("[\"COMPANY\", \"EMAIL\"]", null);
    submit(key, "10.0.0.6", "name", "访".repeat(101), "company", "公司")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("请修改标出的字段")))
        .andExpect(content().string(containsString("value=\"公司\"")));
    submit(key, "10.0.0.6", "name", "访客", "email", "not-an-address")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("field-error")));
    submit(key, "10.0.0.6", "company", "只有公司").andExpect(status().isUnprocessableContent());
    assertThat(leadNames()).isEmpty();
  }

  @Test
  void anOversizedRequestGetsAReadablePageAndSavesNothing() throws Exception {
    String key = enable("[\"MESSAGE\"]", null);
    mvc.perform(
            post("/forms/leads/" + key)
                .with(address("10.0.0.7"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("name=big&message=" + "x".repeat(20_000)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().string(containsString("too long")));
    assertThat(leadNames()).isEmpty();
  }

  @Test
  void anUnknownKeyAndANewKeyLeaveTheOldAddressNotFound() throws Exception {
    mvc.perform(post("/forms/leads/no-such-key").param("name", "x"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/forms/leads/../../etc")).andExpect(status().is4xxClientError());
    String key = enable("[]", null);
    String renewed =
        JsonPath.read(
            body(
                mvc.perform(
                    put("/api/v1/lead-form")
                        .header("Authorization", admin.bearer())
                        .header(
                            "If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/lead-form"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true, \"newKey\": true}"))),
            "$.formKey");
    assertThat(renewed).isNotEqualTo(key);
    mvc.perform(get("/forms/leads/" + key)).andExpect(status().isNotFound());
    mvc.perform(get("/forms/leads/" + renewed)).andExpect(status().isOk());
  }

  @Test
  void settingsNeedTheSalesSettingsPermissionAValidBodyAndTheCurrentVersion() throws Exception {
    settings(rep).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/lead-form")).andExpect(status().isUnauthorized());
    putSettings(
            "\"0\"",
            "{\"enabled\": true, \"defaultOwnerId\": \""
                + rep.id()
                + "\", \"defaultTeamId\": \""
                + workspace.headOffice()
                + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("owner-or-team"));
    putSettings(
            null, "{\"enabled\": true, \"defaultTeamId\": \"" + java.util.UUID.randomUUID() + "\"}")
        .andExpect(jsonPath("$.errors[0].code").value("unknown-team"));
    putSettings(null, "{\"fields\": [\"SHOE_SIZE\"]}").andExpect(status().isBadRequest());
    putSettings(null, "{\"thankYou\": \"" + "谢".repeat(501) + "\"}")
        .andExpect(status().isUnprocessableContent());
    putSettings("\"0\"", "{\"enabled\": true}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    putSettings("\"0\"", "{\"enabled\": false}").andExpect(status().isPreconditionFailed());
    settings(admin).andExpect(jsonPath("$.enabled").value(true));
  }

  @Test
  void theSettingsPageShowsTheAddressAndSaves() throws Exception {
    var session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    String page =
        mvc.perform(get("/settings/lead-form").cookie(session))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("/forms/leads/")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("网页表单");
    mvc.perform(
            post("/settings/lead-form")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("enabled", "true")
                .param("fields", "PHONE", "EMAIL")
                .param("thankYou", "感谢您的关注"))
        .andExpect(redirectedUrl("/settings/lead-form?saved"));
    settings(admin)
        .andExpect(jsonPath("$.enabled").value(true))
        .andExpect(jsonPath("$.fields", containsInAnyOrder("PHONE", "EMAIL")))
        .andExpect(jsonPath("$.thankYou").value("感谢您的关注"));
  }

  private String enable(String fields, String assignee) throws Exception {
    settings(admin);
    String json =
        "{\"enabled\": true, \"fields\": "
            + fields
            + (assignee == null ? "" : ", " + assignee)
            + "}";
    return JsonPath.read(body(putSettings(null, json).andExpect(status().isOk())), "$.formKey");
  }

  private ResultActions settings(Member member) throws Exception {
    return mvc.perform(get("/api/v1/lead-form").header("Authorization", member.bearer()));
  }

  private ResultActions putSettings(String ifMatch, String json) throws Exception {
    var request =
        put("/api/v1/lead-form")
            .header("Authorization", admin.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    request.header(
        "If-Match",
        ifMatch != null ? ifMatch : Versions.current(mvc, admin.bearer(), "/api/v1/lead-form"));
    return mvc.perform(request);
  }

  private ResultActions submit(String key, String client, String... parameters) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/forms/leads/" + key).with(address(client)).header("Accept-Language", "zh-CN");
    for (int i = 0; i < parameters.length; i += 2) {
      request.param(parameters[i], parameters[i + 1]);
    }
    return mvc.perform(request);
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor address(
      String client) {
    return request -> {
      request.setRemoteAddr(client);
      return request;
    };
  }

  private List<String> leadNames() throws Exception {
    return JsonPath.read(
        body(mvc.perform(get("/api/v1/leads").header("Authorization", admin.bearer()))),
        "$.items[*].name");
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
