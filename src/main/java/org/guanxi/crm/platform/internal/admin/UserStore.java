package org.guanxi.crm.platform.internal.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.SqlText;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users of the current workspace, as administration reads and changes them. */
@Repository
class UserStore {

  private static final String SELECT =
      """
      select u.id, u.username, u.display_name, u.roles, u.team_id, t.name as team_name, u.active, u.created_at, u.version
      from app_user u left join team t on t.workspace_id = u.workspace_id and t.id = u.team_id
      """;

  private final JdbcClient jdbc;

  UserStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UserAccount> find(UUID id) {
    return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserStore::account).optional();
  }

  /**
   * Users ordered by user name, at most {@code limit}, after the user name {@code after} when
   * given.
   *
   * @param q part of a user name or display name, or null for all
   */
  List<UserAccount> list(@Nullable String q, @Nullable String after, int limit) {
    StringBuilder where = new StringBuilder("true");
    Map<String, Object> params = new HashMap<>();
    if (q != null && !q.isBlank()) {
      where.append(
          " and (lower(u.username) like :q escape '\\' or lower(u.display_name) like :q escape '\\')");
      params.put("q", SqlText.likeAnywhere(q.strip().toLowerCase(Locale.ROOT)));
    }
    if (after != null) {
      where.append(" and lower(u.username) > lower(:after)");
      params.put("after", after);
    }
    params.put("limit", limit);
    return jdbc.sql(SELECT + " where " + where + " order by lower(u.username) limit :limit")
        .params(params)
        .query(UserStore::account)
        .list();
  }

  /**
   * Writes the changes when the stored version is still {@code expectedVersion}; false otherwise.
   */
  boolean update(
      UUID id,
      long expectedVersion,
      String displayName,
      Set<Role> roles,
      @Nullable UUID teamId,
      boolean active) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update app_user set display_name = :displayName, roles = :roles, team_id = :teamId, active = :active,
                  version = version + 1
                where id = :id and version = :version
                """)
            .param("displayName", displayName)
            .param("roles", roles.stream().map(Role::name).toArray(String[]::new))
            .param("teamId", teamId)
            .param("active", active)
            .param("id", id)
            .param("version", expectedVersion));
  }

  /**
   * Sets a new password hash. The version stays: the password is no part of what the API shows or
   * patches.
   */
  boolean setPasswordHash(UUID id, String passwordHash) {
    return StoreWrites.changedOne(
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordHash, id));
  }

  long activeAdministrators() {
    return jdbc.sql("select count(*) from app_user where active and ? = any(roles)")
        .param(Role.ADMINISTRATOR.name())
        .query(Long.class)
        .single();
  }

  private static UserAccount account(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : (String[]) rs.getArray("roles").getArray()) {
      roles.add(Role.valueOf(role));
    }
    return new UserAccount(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        roles,
        rs.getObject("team_id", UUID.class),
        rs.getString("team_name"),
        rs.getBoolean("active"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getLong("version"));
  }
}
