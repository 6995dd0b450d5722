package org.guanxi.crm.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CustomFieldStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<CustomField.Choice>> CHOICES = new TypeReference<>() {};

  private final JdbcClient jdbc;

  CustomFieldStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The fields of the current workspace in the order they are shown, inactive ones included. */
  List<CustomField> all() {
    return jdbc.sql("select * from custom_field order by position, created_at, id")
        .query(CustomFieldStore::field)
        .list();
  }

  List<CustomField> active() {
    return all().stream().filter(CustomField::active).toList();
  }

  Optional<CustomField> find(UUID id) {
    return jdbc.sql("select * from custom_field where id = ?")
        .param(id)
        .query(CustomFieldStore::field)
        .optional();
  }

  boolean keyTaken(String key) {
    return jdbc.sql("select count(*) from custom_field where key = ?")
            .param(key)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(UUID id, CustomFieldDraft draft) {
    jdbc.sql(
            """
            insert into custom_field (workspace_id, id, key, type, label_en, label_zh_cn, label_zh_tw, required, options, position)
            values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
            """)
        .params(
            id,
            draft.key(),
            draft.type().name(),
            draft.label().en(),
            draft.label().zhCn(),
            draft.label().zhTw(),
            Boolean.TRUE.equals(draft.required()),
            JSON.writeValueAsString(draft.optionsOrEmpty()),
            draft.position() == null ? 0 : draft.position())
        .update();
  }

  boolean update(UUID id, long expectedVersion, CustomFieldDraft draft, boolean active) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update custom_field set label_en = ?, label_zh_cn = ?, label_zh_tw = ?, required = ?, options = cast(? as jsonb),
                  position = ?, active = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                draft.label().en(),
                draft.label().zhCn(),
                draft.label().zhTw(),
                Boolean.TRUE.equals(draft.required()),
                JSON.writeValueAsString(draft.optionsOrEmpty()),
                draft.position() == null ? 0 : draft.position(),
                active,
                id,
                expectedVersion));
  }

  private static CustomField field(ResultSet rs, int row) throws SQLException {
    return new CustomField(
        rs.getObject("id", UUID.class),
        rs.getString("key"),
        CustomFieldType.valueOf(rs.getString("type")),
        new Labels(
            rs.getString("label_en"), rs.getString("label_zh_cn"), rs.getString("label_zh_tw")),
        rs.getBoolean("required"),
        JSON.readValue(rs.getString("options"), CHOICES),
        rs.getInt("position"),
        rs.getBoolean("active"),
        rs.getLong("version"));
  }
}
