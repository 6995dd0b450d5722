package org.guanxi.crm.platform;

import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Creating workspaces, and the teams and accounts in the current one. */
public interface Workspaces {

  /**
   * Creates a workspace with its head-office team, runs {@code setUp} inside it (given the head
   * office's id) to add teams and accounts, and then tells the other modules with {@link
   * WorkspaceCreated}.
   */
  UUID create(String slug, String name, boolean demo, Consumer<UUID> setUp);

  UUID createTeam(String name, @Nullable UUID parentId);

  UUID createAccount(NewAccount account);

  /** Deactivates an account: its sessions and API tokens stop working on their next request. */
  void deactivate(UUID userId);

  /**
   * Issues a personal API token for a user of the current workspace; the plain token is returned
   * once.
   */
  String issueToken(UUID userId, String name);
}
