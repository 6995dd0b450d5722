package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enters the signed-in user's workspace for the rest of the request and replaces the remembered
 * principal with the account as it is now: a deactivated account or a revoked role stops working on
 * the next request. An API token's account arrives already read for this request (see {@link
 * BearerTokenFilter}).
 */
final class CurrentUserFilter extends OncePerRequestFilter {

  private final UserAccounts accounts;
  private final AuthenticationEntryPoint entryPoint;

  CurrentUserFilter(UserAccounts accounts, AuthenticationEntryPoint entryPoint) {
    this.accounts = accounts;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (request.getAttribute(BearerTokenFilter.ACCOUNT_READ) != null
        && authentication != null
        && authentication.getPrincipal() instanceof CurrentUser freshlyRead) {
      WorkspaceContext.enter(freshlyRead.workspaceId());
      try {
        chain.doFilter(request, response);
      } finally {
        WorkspaceContext.clear();
      }
      return;
    }
    GuanxiPrincipal principal = principalOf(authentication);
    if (principal == null) {
      chain.doFilter(request, response);
      return;
    }
    WorkspaceContext.enter(principal.workspaceId());
    try {
      var user = accounts.loadActive(principal.userId());
      if (user.isEmpty()) {
        var session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
        entryPoint.commence(
            request,
            response,
            new InsufficientAuthenticationException("The account is no longer active"));
        return;
      }
      signIn(user.get());
      chain.doFilter(request, response);
    } finally {
      WorkspaceContext.clear();
    }
  }

  private static @Nullable GuanxiPrincipal principalOf(@Nullable Authentication authentication) {
    Object principal = authentication == null ? null : authentication.getPrincipal();
    if (principal instanceof SignedInAccount account) {
      return account.principal();
    }
    return principal instanceof GuanxiPrincipal guanxi ? guanxi : null;
  }

  /** Puts the account, as it is now, with its permissions and roles into the request's security. */
  static void signIn(CurrentUser user) {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user)));
    SecurityContextHolder.setContext(context);
  }

  private static List<GrantedAuthority> authorities(CurrentUser user) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    user.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
    user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    return authorities;
  }
}
