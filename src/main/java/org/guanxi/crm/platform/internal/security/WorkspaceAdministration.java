package org.guanxi.crm.platform.internal.security;

import java.util.UUID;
import java.util.function.Consumer;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.NewAccount;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.WorkspaceCreated;
import org.guanxi.crm.platform.Workspaces;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class WorkspaceAdministration implements Workspaces {

  private final JdbcClient jdbc;
  private final UserAccounts accounts;
  private final ApiTokens tokens;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  WorkspaceAdministration(
      JdbcClient jdbc,
      UserAccounts accounts,
      ApiTokens tokens,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.tokens = tokens;
    this.passwords = passwords;
    this.events = events;
  }

  @Override
  public UUID create(String slug, String name, boolean demo, Consumer<UUID> setUp) {
    UUID id = Ids.newId();
    // the transaction begins inside the new workspace, so that its connection may write the new
    // rows
    WorkspaceContext.runIn(
        id,
        () ->
            transactions.executeWithoutResult(
                status -> {
                  jdbc.sql("insert into workspace (id, slug, name) values (?, ?, ?)")
                      .params(id, slug, name)
                      .update();
                  setUp.accept(createTeam("总部 Head office", null));
                  events.publishEvent(new WorkspaceCreated(id, slug, demo));
                }));
    return id;
  }

  @Override
  public UUID createTeam(String name, @Nullable UUID parentId) {
    UUID id = Ids.newId();
    jdbc.sql(
            "insert into team (workspace_id, id, name, parent_id) values (guanxi_current_workspace(), ?, ?, ?)")
        .params(id, name, parentId)
        .update();
    return id;
  }

  @Override
  public UUID createAccount(NewAccount account) {
    return accounts.create(
        account.username(),
        account.displayName(),
        passwords.encode(account.password()),
        account.roles(),
        account.teamId());
  }

  @Override
  @Transactional
  public void deactivate(UUID userId) {
    accounts.setActive(userId, false);
    tokens.revokeAll(userId);
  }

  @Override
  public String issueToken(UUID userId, String name) {
    return tokens.issue(userId, name).token();
  }
}
