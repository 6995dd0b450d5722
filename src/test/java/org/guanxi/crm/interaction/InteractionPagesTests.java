package org.guanxi.crm.interaction;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The follow-ups panel of the customer page and an interaction's page: writing one, refused input
 * kept as typed, the author's change and delete, and what others and strangers get.
 */
@GuanxiTest
class InteractionPagesTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  Cookie session;
  String customer;

  @BeforeEach
  void aSignedInRepWithACustomer() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", rep.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"ORGANIZATION\", \"name\": \"远航物流\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
  }

  @Test
  void theRepWritesAFollowUpOnTheCustomerPageAndSeesItOnTopOfThePanel() throws Exception {
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString("hx-get=\"/customers/" + customer + "/interaction-panel\"")));
    mvc.perform(get("/customers/" + customer + "/interaction-panel").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("跟进记录")))
        .andExpect(content().string(containsString("还没有跟进记录")))
        .andExpect(content().string(containsString("<option value=\"VISIT\">拜访</option>")));

    record(
            "channel", "VISIT",
            "direction", "OUTBOUND",
            "summary", "现场演示新系统",
            "outcome", "客户同意试用",
            "rating", "5",
            "nextFollowUpOn", TODAY.plusDays(7).toString(),
            "place", "上海张江")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("跟进记录已保存")))
        .andExpect(content().string(containsString("现场演示新系统")))
        .andExpect(content().string(containsString("下次跟进 " + TODAY.plusDays(7))))
        .andExpect(content().string(not(containsString("还没有跟进记录"))));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("INTERACTION_VISIT"));
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(content().string(containsString("记录了拜访")));
  }

  @Test
  void refusedInputComesBackAsTypedWithWhyAndNothingIsSaved() throws Exception {
    record(
            "channel", "CALL",
            "summary", "电话沟通报价",
            "nextFollowUpOn", TODAY.minusDays(1).toString(),
            "place", "办公室")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")))
        .andExpect(content().string(containsString("电话沟通报价")));
    record("channel", "CALL", "summary", "x", "rating", "七")
        .andExpect(content().string(containsString("请修改")));
    record("channel", "CALL", "summary", "  ").andExpect(content().string(containsString("请修改")));
    record("channel", "CARRIER_PIGEON", "summary", "x")
        .andExpect(content().string(containsString("请修改")));
    record("channel", "CALL", "summary", "x", "occurredAt", "yesterday")
        .andExpect(content().string(containsString("请修改")));
    mvc.perform(get("/customers/" + customer + "/interaction-panel").cookie(session))
        .andExpect(content().string(containsString("还没有跟进记录")));
  }

  @Test
  void theAuthorChangesAndDeletesItOnItsPageWhileOthersOnlyReadIt() throws Exception {
    String id = recordedCall("第一次电话");
    mvc.perform(get("/interactions/" + id).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("与远航物流的电话")))
        .andExpect(content().string(containsString("第一次电话")))
        .andExpect(content().string(containsString("action=\"/interactions/" + id + "\"")))
        .andExpect(content().string(containsString("data-confirm=")));

    mvc.perform(
            post("/interactions/" + id)
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("channel", "CALL")
                .param("summary", "第一次电话，客户很感兴趣"))
        .andExpect(redirectedUrl("/interactions/" + id + "?saved"));
    mvc.perform(
            post("/interactions/" + id)
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("channel", "CALL")
                .param("summary", "旧版本上的修改"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("有人在此期间修改了这条跟进记录")))
        .andExpect(content().string(containsString("旧版本上的修改")));

    Member admin = workspace.member(Role.ADMINISTRATOR);
    Cookie adminSession = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/interactions/" + id).cookie(adminSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("第一次电话，客户很感兴趣")))
        .andExpect(content().string(containsString("只有作者可在修改期限内修改")))
        .andExpect(content().string(not(containsString("action=\"/interactions/" + id + "\""))));
    mvc.perform(
            post("/interactions/" + id + "/delete")
                .cookie(adminSession)
                .with(csrf())
                .param("version", "1"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("只有作者可以修改或删除跟进记录")));

    mvc.perform(
            post("/interactions/" + id + "/delete")
                .cookie(session)
                .with(csrf())
                .param("version", "1"))
        .andExpect(redirectedUrl("/customers/" + customer))
        .andExpect(flash().attribute("flashNotice", "interaction.deleted"));
    mvc.perform(get("/interactions/" + id).cookie(session))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("该跟进记录不存在")));
  }

  @Test
  void onceTheWindowHasClosedTheAuthorsPageShowsHistoryAndALateChangeIsRefused() throws Exception {
    String id = recordedCall("已归档的电话");
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(
            put("/api/v1/interaction-settings")
                .header("Authorization", admin.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"editWindowMinutes\": 0}"))
        .andExpect(status().isOk());
    mvc.perform(get("/interactions/" + id).cookie(session))
        .andExpect(content().string(containsString("已归档")))
        .andExpect(content().string(not(containsString("data-confirm="))));
    mvc.perform(
            post("/interactions/" + id)
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("channel", "CALL")
                .param("summary", "太晚的修改"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("修改期限已过")));
  }

  @Test
  void anotherOwnersRepAnotherWorkspaceAndStrangersGetNothing() throws Exception {
    String id = recordedCall("只给负责人看");
    Member otherRep = workspace.member(Role.SALES);
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    for (Member outsider : List.of(otherRep, foreign)) {
      Cookie other = PageLogin.signIn(mvc, outsider.username(), TestWorkspace.PASSWORD);
      mvc.perform(get("/interactions/" + id).cookie(other))
          .andExpect(status().isNotFound())
          .andExpect(content().string(not(containsString("只给负责人看"))));
      mvc.perform(get("/customers/" + customer + "/interaction-panel").cookie(other))
          .andExpect(status().isNotFound())
          .andExpect(content().string(not(containsString("只给负责人看"))));
      mvc.perform(
              post("/customers/" + customer + "/interactions")
                  .cookie(other)
                  .with(csrf())
                  .param("channel", "CALL")
                  .param("summary", "越权"))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/interactions/" + id + "/delete")
                  .cookie(other)
                  .with(csrf())
                  .param("version", "0"))
          .andExpect(status().isNotFound());
    }
    mvc.perform(get("/interactions/" + id)).andExpect(status().is3xxRedirection());
    mvc.perform(get("/interactions/" + id).cookie(session))
        .andExpect(content().string(containsString("只给负责人看")));
  }

  @Test
  void theAuthorAttachesAFileOnThePageAndAnExecutableInDisguiseIsRefusedWithWhy() throws Exception {
    String id = recordedCall("带附件的电话");
    mvc.perform(
            multipart("/interactions/" + id + "/attachments")
                .file(
                    new MockMultipartFile(
                        "file", "报价单.pdf", "application/pdf", "%PDF-1.7\n%%EOF\n".getBytes()))
                .cookie(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/interactions/" + id))
        .andExpect(flash().attribute("flashNotice", "interaction.attached"));
    mvc.perform(
            multipart("/interactions/" + id + "/attachments")
                .file(
                    new MockMultipartFile(
                        "file", "发票.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0}))
                .cookie(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/interactions/" + id))
        .andExpect(flash().attribute("attachmentRefused", "error.unsupported-file-type"));
    mvc.perform(post("/interactions/" + id + "/attachments").cookie(session).with(csrf()))
        .andExpect(status().isBadRequest());
    String page =
        mvc.perform(get("/interactions/" + id).cookie(session))
            .andExpect(content().string(containsString("报价单.pdf")))
            .andExpect(content().string(not(containsString("发票.pdf"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String link =
        page.replaceAll("(?s).*href=\"(/interactions/[^\"]+/attachments/[^\"]+)\".*", "$1");
    mvc.perform(get(link).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"));
    Member otherRep = workspace.member(Role.SALES);
    mvc.perform(
            get(link).cookie(PageLogin.signIn(mvc, otherRep.username(), TestWorkspace.PASSWORD)))
        .andExpect(status().isNotFound());
  }

  private String recordedCall(String summary) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/interactions")
                    .header("Authorization", rep.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"%s\"}"
                            .formatted(customer, summary)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private org.springframework.test.web.servlet.ResultActions record(String... fields)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post("/customers/" + customer + "/interactions")
            .cookie(session)
            .with(csrf())
            .header("HX-Request", "true");
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return mvc.perform(request);
  }
}
