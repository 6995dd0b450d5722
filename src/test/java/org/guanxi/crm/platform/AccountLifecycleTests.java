package org.guanxi.crm.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

@GuanxiTest
class AccountLifecycleTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;

  @BeforeEach
  void aRep() {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
  }

  @Test
  void aDeactivatedUsersApiTokenStopsWorkingAtOnce() throws Exception {
    mvc.perform(get("/api/v1/customers").header("Authorization", rep.bearer())).andExpect(status().isOk());
    workspace.deactivate(rep);
    mvc.perform(get("/api/v1/customers").header("Authorization", rep.bearer())).andExpect(status().isUnauthorized());
  }

  @Test
  void aDeactivatedUsersSessionStopsWorkingAtOnce() throws Exception {
    Cookie session = logIn(rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers").cookie(session)).andExpect(status().isOk());
    workspace.deactivate(rep);
    mvc.perform(get("/customers").cookie(session)).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login?expired"));
  }

  @Test
  void aDeactivatedUserCannotLogIn() throws Exception {
    workspace.deactivate(rep);
    mvc.perform(post("/login").with(csrf()).param("username", rep.username()).param("password", TestWorkspace.PASSWORD))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
    mvc.perform(post("/login").with(csrf()).param("username", rep.username()).param("password", "wrong"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(post("/login").with(csrf()).param("username", "nobody-" + rep.username()).param("password", "wrong"))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void pagesNeedASignedInUser() throws Exception {
    mvc.perform(get("/customers")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/login")).andExpect(status().isOk());
  }

  /** Signs in through the login form; the session lives in the database and is named by this cookie. */
  Cookie logIn(String username, String password) throws Exception {
    return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
        .andExpect(redirectedUrl("/"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }
}
