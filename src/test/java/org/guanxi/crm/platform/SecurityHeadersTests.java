package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Optional;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a browser is told about the pages: scripts from the CRM's own files only, no referrer to
 * other sites, no camera or microphone; and a session cookie that stays on HTTPS when the page came
 * over HTTPS, also through a proxy (the tests run with {@code server.forward-headers-strategy=
 * framework}, as README says to set it behind one).
 */
@GuanxiTest
class SecurityHeadersTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  Member rep;

  @BeforeEach
  void aRep() {
    rep = workspaces.create().member(Role.SALES);
  }

  @Test
  void pagesRunScriptsAndStylesFromTheCrmsOwnFilesOnly() throws Exception {
    Cookie session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    for (String page : new String[] {"/login", "/customers", "/opportunities/forecast"}) {
      MockHttpServletResponse response =
          mvc.perform(get(page).cookie(session)).andReturn().getResponse();
      String policy = response.getHeader("Content-Security-Policy");
      assertThat(policy).as(page).isNotNull();
      assertThat(directive(policy, "script-src")).as(page).contains("script-src 'self'");
      assertThat(directive(policy, "script-src"))
          .as(page)
          .doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
      assertThat(directive(policy, "style-src")).as(page).doesNotContain("unsafe-inline");
      assertThat(policy).as(page).contains("object-src 'none'", "frame-ancestors 'none'");
      assertThat(response.getHeader("Referrer-Policy"))
          .as(page)
          .isEqualTo("strict-origin-when-cross-origin");
      assertThat(response.getHeader("Permissions-Policy"))
          .as(page)
          .contains("camera=()", "microphone=()", "geolocation=()");
      assertThat(response.getContentAsString())
          .as(page + " has no inline script")
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
          .doesNotContainPattern("\\son[a-z]+=\"")
          .doesNotContain("hx-on");
    }
  }

  @Test
  void theApiTellsNoOtherSiteWhereItsCallersCameFrom() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/api/v1/customers").header("Authorization", rep.bearer()))
            .andReturn()
            .getResponse();
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
  }

  @Test
  void aSignInOverHttpsThroughAProxyGetsASecureSessionCookie() throws Exception {
    Cookie session =
        signIn(
            post("/login")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "crm.example.com"));
    assertThat(session.getSecure()).as("Secure").isTrue();
    assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
  }

  @Test
  void aSignInOverPlainHttpGetsASessionCookieThatStillWorksOverHttp() throws Exception {
    Cookie session = signIn(post("/login"));
    assertThat(session.getSecure()).as("Secure").isFalse();
    assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
  }

  private Cookie signIn(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                login
                    .param("username", rep.username())
                    .param("password", TestWorkspace.PASSWORD)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).as("signed in").endsWith("/");
    return Optional.ofNullable(response.getCookie("SESSION")).orElseThrow();
  }

  /** One directive of a policy, such as {@code script-src 'self'}. */
  private static String directive(String policy, String name) {
    return Arrays.stream(policy.split(";"))
        .map(String::strip)
        .filter(d -> d.startsWith(name + " "))
        .findFirst()
        .orElse("");
  }
}
