package org.guanxi.crm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signs in through the login form as a browser does. The session lives in the database (Spring
 * Session), so later requests carry the returned {@code SESSION} cookie rather than a mock session.
 */
public final class PageLogin {

  private PageLogin() {}

  public static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
    MockHttpServletResponse response = attempt(mvc, username, password);
    assertThat(response.getRedirectedUrl()).as("where a successful sign-in leads").isEqualTo("/");
    Cookie session = response.getCookie("SESSION");
    assertThat(session).as("the session cookie").isNotNull();
    return session;
  }

  /**
   * The answer to the login form: a redirect to {@code /} when the sign-in worked, to {@code
   * /login?error} otherwise.
   */
  public static MockHttpServletResponse attempt(MockMvc mvc, String username, String password)
      throws Exception {
    return mvc.perform(
            post("/login").param("username", username).param("password", password).with(csrf()))
        .andReturn()
        .getResponse();
  }
}
