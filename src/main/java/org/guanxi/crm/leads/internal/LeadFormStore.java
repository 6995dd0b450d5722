package org.guanxi.crm.leads.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's public lead form in PostgreSQL, and the look-up of a form key's workspace. */
@Repository
class LeadFormStore {

  /** A team to pick as the form's default. */
  record TeamChoice(UUID id, String name) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  LeadFormStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The workspace of an enabled form, asked before any workspace is known. */
  Optional<UUID> workspaceOf(String formKey) {
    return jdbc.sql("select guanxi_find_lead_form(?)").params(formKey).query(UUID.class).optional();
  }

  Optional<LeadFormSettings> find() {
    return jdbc.sql(
            "select enabled, form_key, fields, thank_you, default_owner_id, default_team_id, version from lead_web_form")
        .query(this::settings)
        .optional();
  }

  /** The form with a new random key, disabled until an administrator enables it. */
  LeadFormSettings create(Instant now) {
    jdbc.sql(
            """
            insert into lead_web_form (workspace_id, form_key, updated_at)
            values (guanxi_current_workspace(), ?, ?) on conflict do nothing
            """)
        .params(newKey(), Timestamp.from(now))
        .update();
    return find().orElseThrow();
  }

  boolean update(LeadFormSettings settings, long expectedVersion, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update lead_web_form set enabled = ?, form_key = ?, fields = ?, thank_you = ?, default_owner_id = ?,
                  default_team_id = ?, updated_at = ?, version = version + 1
                where version = ?
                """)
            .params(
                settings.enabled(),
                settings.formKey(),
                settings.fields().stream().map(Enum::name).sorted().toArray(String[]::new),
                settings.thankYou(),
                settings.defaultOwnerId(),
                settings.defaultTeamId(),
                Timestamp.from(now),
                expectedVersion));
  }

  List<TeamChoice> teams() {
    return jdbc.sql("select id, name from workspace_team order by name, id")
        .query((rs, n) -> new TeamChoice(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
  }

  static String newKey() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private LeadFormSettings settings(ResultSet rs, int row) throws SQLException {
    return new LeadFormSettings(
        rs.getBoolean("enabled"),
        rs.getString("form_key"),
        fields(rs.getArray("fields")),
        rs.getString("thank_you"),
        rs.getObject("default_owner_id", UUID.class),
        rs.getObject("default_team_id", UUID.class),
        rs.getLong("version"));
  }

  private static Set<LeadFormField> fields(@Nullable Array array) throws SQLException {
    Set<LeadFormField> fields = EnumSet.noneOf(LeadFormField.class);
    if (array != null) {
      for (String name : (String[]) array.getArray()) {
        fields.add(LeadFormField.valueOf(name));
      }
    }
    return fields;
  }
}
