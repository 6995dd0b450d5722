package org.guanxi.crm.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
    mvc.perform(get("/api/v1/customers").header("Authorization", rep.bearer()))
        .andExpect(status().isOk());
    workspace.deactivate(rep);
    mvc.perform(get("/api/v1/customers").header("Authorization", rep.bearer()))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aDeactivatedUsersSessionStopsWorkingAtOnce() throws Exception {
    Cookie session = logIn(rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers").cookie(session)).andExpect(status().isOk());
    workspace.deactivate(rep);
    mvc.perform(get("/customers").cookie(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login?expired"));
  }

  @Test
  void aDeactivatedUserCannotLogIn() throws Exception {
    workspace.deactivate(rep);
    mvc.perform(
            post("/login")
                .with(csrf())
                .param("username", rep.username())
                .param("password", TestWorkspace.PASSWORD))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
    mvc.perform(
            post("/login")
                .with(csrf())
                .param("username", rep.username())
                .param("password", "wrong"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(
            post("/login")
                .with(csrf())
                .param("username", "nobody-" + rep.username())
                .param("password", "wrong"))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void repeatedWrongPasswordsLockTheNameForTheGuessersAddressButNotForTheUserElsewhere()
      throws Exception {
    Member colleague = workspace.member(Role.SALES);
    String guesser = address();
    for (int i = 0; i < 5; i++) {
      signIn(guesser, rep.username(), "guess" + i).andExpect(redirectedUrl("/login?error"));
    }
    signIn(guesser, rep.username(), TestWorkspace.PASSWORD)
        .andExpect(redirectedUrl("/login?locked"));
    signIn(address(), rep.username(), TestWorkspace.PASSWORD).andExpect(redirectedUrl("/"));
    signIn(guesser, colleague.username(), TestWorkspace.PASSWORD).andExpect(redirectedUrl("/"));
    mvc.perform(get("/login").param("locked", "").header("Accept-Language", "zh-CN"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("登录失败次数过多")));
  }

  @Test
  void theLockCountsTheNameAsTheLoginReadsItWhateverItsCaseAndSpaces() throws Exception {
    String guesser = address();
    String name = rep.username();
    for (String typed : List.of(name, " " + name, name.toUpperCase(), name + " ", "\t" + name)) {
      signIn(guesser, typed, "wrong").andExpect(redirectedUrl("/login?error"));
    }
    for (String typed : List.of(name, " " + name.toUpperCase() + " ", name + "  ")) {
      signIn(guesser, typed, TestWorkspace.PASSWORD).andExpect(redirectedUrl("/login?locked"));
    }
  }

  @Test
  void guessesAtOneNameFromManyAddressesLockItEverywhere() throws Exception {
    for (int guesser = 0; guesser < 4; guesser++) {
      String from = address();
      for (int i = 0; i < 5; i++) {
        signIn(from, rep.username(), "guess" + i).andExpect(redirectedUrl("/login?error"));
      }
    }
    signIn(address(), rep.username(), TestWorkspace.PASSWORD)
        .andExpect(redirectedUrl("/login?locked"));
  }

  private org.springframework.test.web.servlet.ResultActions signIn(
      String address, String username, String password) throws Exception {
    return mvc.perform(
        post("/login")
            .with(csrf())
            .with(from(address))
            .param("username", username)
            .param("password", password));
  }

  /**
   * An address of its own for each guesser (a documentation range), so that the failures of other
   * tests, counted per address as well, do not add up.
   */
  private static String address() {
    return "198.18."
        + ThreadLocalRandom.current().nextInt(256)
        + "."
        + ThreadLocalRandom.current().nextInt(1, 255);
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(
      String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  @Test
  void pagesNeedASignedInUser() throws Exception {
    mvc.perform(get("/customers")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/login")).andExpect(status().isOk());
  }

  /**
   * Signs in through the login form; the session lives in the database and is named by this cookie.
   */
  Cookie logIn(String username, String password) throws Exception {
    return PageLogin.signIn(mvc, username, password);
  }
}
