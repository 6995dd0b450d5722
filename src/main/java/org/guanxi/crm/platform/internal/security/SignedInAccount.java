package org.guanxi.crm.platform.internal.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/** The account a login form signed in, remembered in the session by workspace and user id. */
final class SignedInAccount extends User {

  private final GuanxiPrincipal principal;

  SignedInAccount(GuanxiPrincipal principal, UserDetails details) {
    super(
        details.getUsername(),
        details.getPassword(),
        details.isEnabled(),
        true,
        true,
        true,
        details.getAuthorities());
    this.principal = principal;
  }

  GuanxiPrincipal principal() {
    return principal;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedInAccount that && principal.equals(that.principal);
  }

  @Override
  public int hashCode() {
    return principal.hashCode();
  }
}
