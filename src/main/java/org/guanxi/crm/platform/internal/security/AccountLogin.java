package org.guanxi.crm.platform.internal.security;

import java.util.List;
import org.guanxi.crm.platform.StorableText;
import org.guanxi.crm.platform.WorkspaceContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds the account behind a login form's user name, whichever workspace it belongs to. */
@Component
class AccountLogin implements UserDetailsService {

  private final UserAccounts accounts;

  AccountLogin(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    if (!StorableText.storable(username)) {
      // no account name holds a NUL, and the database refuses to look one up
      throw new UsernameNotFoundException("No such account");
    }
    var target =
        accounts
            .findLogin(username)
            .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    var account =
        WorkspaceContext.callIn(target.workspaceId(), () -> accounts.findAccount(target.userId()))
            .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    return new SignedInAccount(
        new GuanxiPrincipal(target.workspaceId(), account.id(), account.username()),
        User.withUsername(account.username())
            .password(account.passwordHash())
            .disabled(!account.active())
            .authorities(List.of())
            .build());
  }
}
