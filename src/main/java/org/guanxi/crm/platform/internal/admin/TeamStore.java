package org.guanxi.crm.platform.internal.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The teams of the current workspace. */
@Repository
class TeamStore {

  private static final String SELECT =
      """
      select t.id, t.name, t.parent_id, t.version,
        (select count(*) from app_user u where u.workspace_id = t.workspace_id and u.team_id = t.id) as members
      from team t
      """;

  private final JdbcClient jdbc;

  TeamStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Team> all() {
    return jdbc.sql(SELECT + " order by lower(t.name), t.id").query(TeamStore::team).list();
  }

  Optional<Team> find(UUID id) {
    return jdbc.sql(SELECT + " where t.id = ?").param(id).query(TeamStore::team).optional();
  }

  /**
   * Whether {@code teamId} is {@code candidateParent} or lies above it: moving the team there would
   * close a loop.
   */
  boolean isAtOrAbove(UUID teamId, UUID candidateParent) {
    return jdbc.sql(
            """
            with recursive above(id, parent_id) as (
              select id, parent_id from team where id = :candidate
              union
              select t.id, t.parent_id from team t join above on t.id = above.parent_id
            )
            select exists (select 1 from above where id = :team)
            """)
        .param("candidate", candidateParent)
        .param("team", teamId)
        .query(Boolean.class)
        .single();
  }

  boolean hasSubTeams(UUID id) {
    return jdbc.sql("select exists (select 1 from team where parent_id = ?)")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  /**
   * Writes the name and parent when the stored version is still {@code expectedVersion}; false
   * otherwise.
   */
  boolean update(UUID id, long expectedVersion, String name, @Nullable UUID parentId) {
    return StoreWrites.changedOne(
        jdbc.sql(
                "update team set name = ?, parent_id = ?, version = version + 1 where id = ? and version = ?")
            .params(name, parentId, id, expectedVersion));
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(jdbc, "delete from team", id, expectedVersion);
  }

  private static Team team(ResultSet rs, int n) throws SQLException {
    return new Team(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getObject("parent_id", UUID.class),
        rs.getLong("members"),
        rs.getLong("version"));
  }
}
