package org.guanxi.crm.platform.internal.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Grants;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User accounts of the current workspace, and the one cross-workspace question a login asks. */
@Repository
class UserAccounts implements UserDirectory {

  record LoginTarget(UUID workspaceId, UUID userId) {}

  record StoredAccount(UUID id, String username, String passwordHash, boolean active) {}

  private final JdbcClient jdbc;
  private final Grants grants;

  UserAccounts(JdbcClient jdbc, Grants grants) {
    this.jdbc = jdbc;
    this.grants = grants;
  }

  Optional<LoginTarget> findLogin(String username) {
    return jdbc.sql("select workspace_id, user_id from guanxi_find_login(?)")
        .param(username)
        .query((rs, n) -> new LoginTarget(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .optional();
  }

  Optional<StoredAccount> findAccount(UUID userId) {
    return jdbc.sql("select id, username, password_hash, active from app_user where id = ?")
        .param(userId)
        .query(
            (rs, n) ->
                new StoredAccount(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBoolean(4)))
        .optional();
  }

  /**
   * The active user with roles and the team subtree, or empty when the account is gone or
   * deactivated.
   */
  Optional<CurrentUser> loadActive(UUID userId) {
    return jdbc.sql(
            """
            with recursive teams(id) as (
              select u.team_id from app_user u where u.id = :id and u.team_id is not null
              union
              select t.id from team t join teams on t.parent_id = teams.id
            )
            select u.workspace_id, u.id, u.username, u.display_name, u.roles, u.team_id, u.locale,
                   array(select id from teams) as team_ids
            from app_user u where u.id = :id and u.active
            """)
        .param("id", userId)
        .query(this::currentUser)
        .optional();
  }

  UUID create(
      String username,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      @Nullable UUID teamId) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            insert into app_user (workspace_id, id, username, display_name, password_hash, roles, team_id)
            values (guanxi_current_workspace(), :id, :username, :displayName, :hash, :roles, :teamId)
            """)
        .param("id", id)
        .param("username", username)
        .param("displayName", displayName)
        .param("hash", passwordHash)
        .param("roles", roles.stream().map(Role::name).toArray(String[]::new))
        .param("teamId", teamId)
        .update();
    return id;
  }

  void setActive(UUID userId, boolean active) {
    jdbc.sql("update app_user set active = ?, version = version + 1 where id = ?")
        .params(active, userId)
        .update();
  }

  @Override
  public Optional<UserSummary> find(UUID userId) {
    return jdbc.sql("select id, username, display_name, team_id, active from app_user where id = ?")
        .param(userId)
        .query(UserAccounts::summary)
        .optional();
  }

  @Override
  public List<UserSummary> activeUsers() {
    return jdbc.sql(
            "select id, username, display_name, team_id, active from app_user where active order by display_name")
        .query(UserAccounts::summary)
        .list();
  }

  @Override
  public boolean teamExists(UUID teamId) {
    return jdbc.sql("select exists (select 1 from team where id = ?)")
        .param(teamId)
        .query(Boolean.class)
        .single();
  }

  private static UserSummary summary(ResultSet rs, int n) throws SQLException {
    return new UserSummary(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getObject(4, UUID.class),
        rs.getBoolean(5));
  }

  /** Reads a user with roles and team subtree; what the roles are granted is added here. */
  CurrentUser currentUser(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : (String[]) rs.getArray("roles").getArray()) {
      roles.add(Role.valueOf(role));
    }
    return new CurrentUser(
        rs.getObject("workspace_id", UUID.class),
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        roles,
        grants.of(roles),
        rs.getObject("team_id", UUID.class),
        uuids(rs.getArray("team_ids")),
        rs.getString("locale"));
  }

  private static List<UUID> uuids(Array array) throws SQLException {
    return new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
  }
}
