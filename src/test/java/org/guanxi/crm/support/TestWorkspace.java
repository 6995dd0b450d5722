package org.guanxi.crm.support;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.guanxi.crm.platform.NewAccount;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.Workspaces;
import org.jspecify.annotations.Nullable;

/** A workspace of one test, and the people in it. */
public class TestWorkspace {

  public static final String PASSWORD = "correct horse battery staple";

  /** A user of the test workspace with a personal API token. */
  public record Member(UUID id, String username, Role role, String token) {
    public String bearer() {
      return "Bearer " + token;
    }
  }

  private final Workspaces workspaces;
  private final UUID id;
  private final UUID headOffice;

  TestWorkspace(Workspaces workspaces, UUID id, UUID headOffice) {
    this.workspaces = workspaces;
    this.id = id;
    this.headOffice = headOffice;
  }

  public UUID id() {
    return id;
  }

  public UUID headOffice() {
    return headOffice;
  }

  public UUID team(String name, @Nullable UUID parent) {
    return in(() -> workspaces.createTeam(name, parent == null ? headOffice : parent));
  }

  public Member member(Role role) {
    return member(role, headOffice);
  }

  public Member member(Role role, UUID team) {
    String username =
        role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    return in(
        () -> {
          UUID user =
              workspaces.createAccount(
                  new NewAccount(username, "Test " + username, PASSWORD, Set.of(role), team));
          return new Member(user, username, role, workspaces.issueToken(user, "test"));
        });
  }

  public void deactivate(Member member) {
    in(
        () -> {
          workspaces.deactivate(member.id());
          return null;
        });
  }

  public <T> T in(Supplier<T> work) {
    return WorkspaceContext.callIn(id, work);
  }
}
