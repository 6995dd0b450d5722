package org.guanxi.crm.leads;

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
class LeadPagesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  Cookie session;

  @BeforeEach
  void signedInRep() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
  }

  @Test
  void aLeadCreatedInTheFormOpensOnItsPageWithMaskedPhone() throws Exception {
    String location = createThroughForm("陈晓东", "13812345678");
    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("陈晓东")))
        .andExpect(content().string(containsString("138****5678")))
        .andExpect(content().string(not(containsString("13812345678"))))
        .andExpect(content().string(containsString("新线索")));
    mvc.perform(get("/leads").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("陈晓东")));
    mvc.perform(get("/leads/rows").cookie(session).param("q", "晓东").param("status", "NEW"))
        .andExpect(content().string(containsString("陈晓东")));
    mvc.perform(get("/leads/rows").cookie(session).param("status", "QUALIFIED"))
        .andExpect(content().string(containsString("没有找到线索")));
  }

  @Test
  void badInputIsExplainedInTheFormAndTheTypedValuesStay() throws Exception {
    mvc.perform(
            post("/leads")
                .cookie(session)
                .with(csrf())
                .param("name", "刘洋")
                .param("phone", "12")
                .param("city", "成都"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")))
        .andExpect(content().string(containsString("电话号码无效")))
        .andExpect(content().string(containsString("value=\"成都\"")));
    mvc.perform(get("/leads/rows").cookie(session))
        .andExpect(content().string(containsString("没有找到线索")));
  }

  @Test
  void qualifyingAndDisqualifyingThroughHtmxAnswerWithTheStatusSection() throws Exception {
    String location = createThroughForm("黄海燕", null);
    mvc.perform(
            post(location + "/disqualify")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("version", "0")
                .param("reason", " "))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请说明判为无效的原因")));
    mvc.perform(
            post(location + "/qualify")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(startsWith("<section id=\"lead-status\"")))
        .andExpect(content().string(containsString("有效")))
        .andExpect(content().string(containsString("转化")));
    mvc.perform(
            post(location + "/disqualify")
                .cookie(session)
                .with(csrf())
                .param("version", "1")
                .param("reason", "预算不足"))
        .andExpect(redirectedUrl(location));
    mvc.perform(get(location).cookie(session)).andExpect(content().string(containsString("预算不足")));
  }

  @Test
  void savingAStaleCopyShowsTheConflictAndKeepsTheTypedValues() throws Exception {
    String location = createThroughForm("孟凡", null);
    save(location, "0", "杭州").andExpect(redirectedUrl(location));
    save(location, "0", "南京")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("在您编辑期间，其他人修改了该线索")))
        .andExpect(content().string(containsString("value=\"南京\"")));
    mvc.perform(get(location).cookie(session)).andExpect(content().string(containsString("杭州")));
  }

  @Test
  void anotherRepsLeadIsNotFound() throws Exception {
    String location = createThroughForm("秘密线索", null);
    Member other = workspace.member(Role.SALES);
    Cookie otherSession = PageLogin.signIn(mvc, other.username(), TestWorkspace.PASSWORD);
    mvc.perform(get(location).cookie(otherSession))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("该线索不存在或您无权查看")));
  }

  private org.springframework.test.web.servlet.ResultActions save(
      String location, String version, String city) throws Exception {
    return mvc.perform(
        post(location)
            .cookie(session)
            .with(csrf())
            .param("version", version)
            .param("name", "孟凡")
            .param("city", city));
  }

  private String createThroughForm(String name, String phone) throws Exception {
    var request = post("/leads").cookie(session).with(csrf()).param("name", name);
    if (phone != null) {
      request.param("phone", phone);
    }
    return mvc.perform(request)
        .andExpect(status().is3xxRedirection())
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }
}
