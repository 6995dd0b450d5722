package org.guanxi.crm.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import jakarta.servlet.http.Cookie;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A form that went through says so on the next page, under the top bar, in the user's language. */
@GuanxiTest
class FlashNoticeTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  @Test
  void aSavedFormIsConfirmedOnTheNextPage() throws Exception {
    TestWorkspace workspace = workspaces.create();
    Cookie session =
        PageLogin.signIn(mvc, workspace.member(Role.SALES).username(), TestWorkspace.PASSWORD);
    MvcResult saved =
        mvc.perform(
                post("/customers")
                    .cookie(session)
                    .with(csrf())
                    .param("kind", "ORGANIZATION")
                    .param("name", "确认公司"))
            .andExpect(flash().attribute("flashNotice", "form.done"))
            .andReturn();
    mvc.perform(
            get(saved.getResponse().getRedirectedUrl())
                .cookie(session)
                .flashAttrs(saved.getFlashMap()))
        .andExpect(content().string(containsString("class=\"notice flash\"")))
        .andExpect(content().string(containsString("操作已完成。")));
    mvc.perform(
            post("/customers")
                .cookie(session)
                .with(csrf())
                .param("kind", "ORGANIZATION")
                .param("name", " "))
        .andExpect(flash().attributeCount(0));
  }
}
