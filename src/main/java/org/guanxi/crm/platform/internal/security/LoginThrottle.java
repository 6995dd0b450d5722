package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing without handing a stranger the power to keep a user out. Failed sign-ins
 * are counted by the user name as the login reads it (trimmed, any case: {@code " SALES2 "} is
 * {@code sales2}) and by client address, within {@link #WINDOW}:
 *
 * <ul>
 *   <li>{@value #MAX_PER_NAME_AND_CLIENT} for one name from one address refuse that name from that
 *       address: the guesser is stopped, the user at another address is not;
 *   <li>{@value #MAX_PER_CLIENT} from one address refuse every name from it (one guesser trying
 *       many names);
 *   <li>{@value #MAX_PER_NAME} for one name from any addresses refuse that name everywhere (many
 *       guessers at one account), which takes failures from several addresses.
 * </ul>
 *
 * A refused attempt is not counted, so hammering a locked name does not prolong the lock: it ends
 * at most {@link #WINDOW} after the last failure that counted. Failures are kept in the database,
 * so every node counts the same attempts.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

  static final int MAX_PER_NAME_AND_CLIENT = 5;
  static final int MAX_PER_NAME = 20;
  static final int MAX_PER_CLIENT = 30;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The name the login looks the account up by: Spring Security's form login trims the typed name
   * ({@link String#trim()}) and the account is found case-insensitively ({@code lower()}, as the
   * queries here compare). A NUL, which no account name holds and the database cannot store, is
   * kept as a replacement character, so that the attempt is still counted.
   */
  static String nameAsTheLoginReadsIt(@Nullable String typed) {
    return typed == null ? "" : typed.trim().replace('\0', '\uFFFD');
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
    if (blocked(request.getParameter("username"), request.getRemoteAddr())) {
      response.sendRedirect(request.getContextPath() + "/login?locked");
      return;
    }
    chain.doFilter(request, response);
  }

  boolean blocked(@Nullable String typedName, String client) {
    return jdbc.sql(
            """
            select (select count(*) from login_failure
                     where lower(username) = lower(:name) and client = :client and failed_at > :since) >= :perNameAndClient
                or (select count(*) from login_failure
                     where lower(username) = lower(:name) and failed_at > :since) >= :perName
                or (select count(*) from login_failure where client = :client and failed_at > :since) >= :perClient
            """)
        .param("name", nameAsTheLoginReadsIt(typedName))
        .param("client", client)
        .param("since", Timestamp.from(clock.instant().minus(WINDOW)))
        .param("perNameAndClient", MAX_PER_NAME_AND_CLIENT)
        .param("perName", MAX_PER_NAME)
        .param("perClient", MAX_PER_CLIENT)
        .query(Boolean.class)
        .single();
  }

  void countFailure(@Nullable String typedName, String client) {
    jdbc.sql("insert into login_failure (username, client, failed_at) values (?, ?, ?)")
        .params(nameAsTheLoginReadsIt(typedName), client, Timestamp.from(clock.instant()))
        .update();
  }

  /** Counts the failure, then sends the user back to the login form. */
  AuthenticationFailureHandler failureHandler() {
    var back = new SimpleUrlAuthenticationFailureHandler("/login?error");
    return (request, response, exception) -> {
      countFailure(request.getParameter("username"), request.getRemoteAddr());
      back.onAuthenticationFailure(request, response, exception);
    };
  }

  /**
   * Forgets the account's failures from this address, the user's own typing errors (and everyone's
   * expired ones), then goes where the user was heading. Failures from other addresses stay: a
   * guesser elsewhere gets no fresh tries because the user signed in.
   */
  AuthenticationSuccessHandler successHandler() {
    var onward = new SavedRequestAwareAuthenticationSuccessHandler();
    onward.setDefaultTargetUrl("/");
    return (request, response, authentication) -> {
      jdbc.sql(
              "delete from login_failure where (lower(username) = lower(?) and client = ?) or failed_at < ?")
          .params(
              authentication.getName(),
              request.getRemoteAddr(),
              Timestamp.from(clock.instant().minus(WINDOW)))
          .update();
      onward.onAuthenticationSuccess(request, response, authentication);
    };
  }
}
