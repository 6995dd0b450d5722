package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API callers that present {@code Authorization: Bearer <personal API token>}, with their
 * account as it is at this moment, read in the same query as the token.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  /** Request attribute: the signed-in account was read for this very request. */
  static final String ACCOUNT_READ = BearerTokenFilter.class.getName() + ".accountRead";

  private final ApiTokens tokens;
  private final AuthenticationEntryPoint entryPoint;

  BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    var user = tokens.authenticate(header.substring(7).trim());
    if (user.isEmpty()) {
      entryPoint.commence(
          request,
          response,
          new BadCredentialsException("Unknown or revoked API token, or an inactive account"));
      return;
    }
    CurrentUserFilter.signIn(user.get());
    request.setAttribute(ACCOUNT_READ, Boolean.TRUE);
    chain.doFilter(request, response);
  }
}
