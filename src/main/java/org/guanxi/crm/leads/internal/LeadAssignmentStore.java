package org.guanxi.crm.leads.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignment rules and the round-robin turns of teams, in PostgreSQL. */
@Repository
class LeadAssignmentStore {

  private static final String COLUMNS =
      """
      id, position, city, industry, target_user_id as user_id, target_team_id as team_id,
        created_at, version
      """;

  private final JdbcClient jdbc;

  LeadAssignmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<LeadAssignmentRule> rules() {
    return jdbc.sql(
            "select " + COLUMNS + " from lead_assignment_rule order by position, created_at, id")
        .query(LeadAssignmentRule.class)
        .list();
  }

  Optional<LeadAssignmentRule> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from lead_assignment_rule where id = ?")
        .params(id)
        .query(LeadAssignmentRule.class)
        .optional();
  }

  int nextPosition() {
    return jdbc.sql("select coalesce(max(position), 0) + 1 from lead_assignment_rule")
        .query(Integer.class)
        .single();
  }

  void insert(LeadAssignmentRule rule) {
    jdbc.sql(
            """
            insert into lead_assignment_rule (workspace_id, id, position, city, industry, target_user_id,
              target_team_id, created_at)
            values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            rule.id(),
            rule.position(),
            rule.city(),
            rule.industry(),
            rule.userId(),
            rule.teamId(),
            Timestamp.from(rule.createdAt()))
        .update();
  }

  boolean update(LeadAssignmentRule rule, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update lead_assignment_rule set position = ?, city = ?, industry = ?, target_user_id = ?,
                  target_team_id = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                rule.position(),
                rule.city(),
                rule.industry(),
                rule.userId(),
                rule.teamId(),
                rule.id(),
                expectedVersion));
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(
        jdbc, "delete from lead_assignment_rule", id, expectedVersion);
  }

  /**
   * The team's next active sales rep after the one who got its last lead (in the order of their
   * ids), noted as the last one; null when the team has none. Locks the team's turn until the
   * caller's transaction ends, so that concurrent assignments take turns.
   */
  @Nullable UUID nextRep(UUID teamId) {
    jdbc.sql(
            "insert into lead_round_robin (workspace_id, team_id) values (guanxi_current_workspace(), ?)"
                + " on conflict do nothing")
        .params(teamId)
        .update();
    UUID last =
        jdbc.sql("select last_user_id from lead_round_robin where team_id = ? for update")
            .params(teamId)
            .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
            .single()
            .orElse(null);
    UUID next =
        jdbc.sql(
                """
                select coalesce(
                  (select u.id from workspace_user u where u.team_id = :team and u.active and 'SALES' = any(u.roles)
                     and u.id > :last order by u.id limit 1),
                  (select u.id from workspace_user u where u.team_id = :team and u.active and 'SALES' = any(u.roles)
                     order by u.id limit 1))
                """)
            .param("team", teamId)
            .param("last", last, java.sql.Types.OTHER)
            .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
            .single()
            .orElse(null);
    if (next != null) {
      jdbc.sql("update lead_round_robin set last_user_id = ? where team_id = ?")
          .params(next, teamId)
          .update();
    }
    return next;
  }
}
