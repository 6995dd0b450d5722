package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after {@value #MAX_PER_USERNAME} failed sign-ins for one user name, or
 * {@value #MAX_PER_CLIENT} from one address, within {@link #WINDOW}, further attempts are refused
 * until the window has passed. Failures are kept in the database, so every node counts the same
 * attempts.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

  static final int MAX_PER_USERNAME = 5;
  static final int MAX_PER_CLIENT = 30;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && (request.getContextPath() + "/login").equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = request.getParameter("username");
    if (blocked(username == null ? "" : username, request.getRemoteAddr())) {
      response.sendRedirect(request.getContextPath() + "/login?locked");
      return;
    }
    chain.doFilter(request, response);
  }

  boolean blocked(String username, String client) {
    Timestamp since = Timestamp.from(clock.instant().minus(WINDOW));
    return jdbc.sql(
            """
            select (select count(*) from login_failure where lower(username) = lower(:username) and failed_at > :since) >= :perUser
                or (select count(*) from login_failure where client = :client and failed_at > :since) >= :perClient
            """)
        .param("username", username)
        .param("client", client)
        .param("since", since)
        .param("perUser", MAX_PER_USERNAME)
        .param("perClient", MAX_PER_CLIENT)
        .query(Boolean.class)
        .single();
  }

  /** Counts the failure, then sends the user back to the login form. */
  AuthenticationFailureHandler failureHandler() {
    var back = new SimpleUrlAuthenticationFailureHandler("/login?error");
    return (request, response, exception) -> {
      String username = request.getParameter("username");
      jdbc.sql("insert into login_failure (username, client, failed_at) values (?, ?, ?)")
          .params(
              username == null ? "" : username,
              request.getRemoteAddr(),
              Timestamp.from(clock.instant()))
          .update();
      back.onAuthenticationFailure(request, response, exception);
    };
  }

  /**
   * Forgets the account's failures (and everyone's expired ones), then goes where the user was
   * heading.
   */
  AuthenticationSuccessHandler successHandler() {
    var onward = new SavedRequestAwareAuthenticationSuccessHandler();
    onward.setDefaultTargetUrl("/");
    return (request, response, authentication) -> {
      jdbc.sql("delete from login_failure where lower(username) = lower(?) or failed_at < ?")
          .params(authentication.getName(), Timestamp.from(clock.instant().minus(WINDOW)))
          .update();
      onward.onAuthenticationSuccess(request, response, authentication);
    };
  }
}
