package org.guanxi.crm.opportunities.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pipelines and their stages in PostgreSQL. */
@Repository
class PipelineStore {

  private final JdbcClient jdbc;

  PipelineStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The workspace's pipelines in order, each with its stages in order. */
  List<Pipeline> list() {
    return read(null);
  }

  Optional<Pipeline> find(UUID id) {
    return read(id).stream().findFirst();
  }

  /** The pipeline a stage belongs to. */
  Optional<Pipeline> findByStage(UUID stageId) {
    return jdbc.sql("select pipeline_id from pipeline_stage where id = ?")
        .param(stageId)
        .query(UUID.class)
        .optional()
        .flatMap(this::find);
  }

  int nextPosition() {
    return jdbc.sql("select coalesce(max(position), 0) + 1 from pipeline")
        .query(Integer.class)
        .single();
  }

  boolean nameTaken(String name, @Nullable UUID except) {
    return jdbc.sql(
            "select exists (select 1 from pipeline where lower(name) = lower(?) and id is distinct from ?)")
        .params(name, except)
        .query(Boolean.class)
        .single();
  }

  void insert(UUID id, String name, int position, boolean isDefault, Instant now) {
    if (isDefault) {
      clearDefault();
    }
    jdbc.sql(
            """
            insert into pipeline (workspace_id, id, name, position, is_default, created_at, updated_at)
            values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?)
            """)
        .params(id, name, position, isDefault, Timestamp.from(now), Timestamp.from(now))
        .update();
  }

  boolean update(UUID id, long expectedVersion, String name, boolean isDefault, Instant now) {
    if (isDefault) {
      clearDefault();
    }
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update pipeline set name = ?, is_default = is_default or ?, updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(name, isDefault, Timestamp.from(now), id, expectedVersion));
  }

  /** Writes the stages in the given order: existing ones updated, new ones added. */
  void saveStages(UUID pipelineId, List<Pipeline.Stage> stages) {
    for (Pipeline.Stage stage : stages) {
      int updated =
          jdbc.sql(
                  "update pipeline_stage set position = ?, name = ?, probability = ? where id = ? and pipeline_id = ?")
              .params(stage.position(), stage.name(), stage.probability(), stage.id(), pipelineId)
              .update();
      if (updated == 0) {
        jdbc.sql(
                """
                insert into pipeline_stage (workspace_id, pipeline_id, id, position, name, probability)
                values (guanxi_current_workspace(), ?, ?, ?, ?, ?)
                """)
            .params(pipelineId, stage.id(), stage.position(), stage.name(), stage.probability())
            .update();
      }
    }
  }

  void deleteStages(List<UUID> stageIds) {
    if (!stageIds.isEmpty()) {
      jdbc.sql("delete from pipeline_stage where id = any(?)")
          .param(stageIds.toArray(UUID[]::new))
          .update();
    }
  }

  /** The stages among these that a deal is in or went through: they stay. */
  List<UUID> stagesInUse(List<UUID> stageIds) {
    if (stageIds.isEmpty()) {
      return List.of();
    }
    UUID[] ids = stageIds.toArray(UUID[]::new);
    return jdbc.sql(
            """
            select s.id from pipeline_stage s where s.id = any(:ids)
              and (exists (select 1 from opportunity o where o.stage_id = s.id)
                or exists (select 1 from opportunity_stage_visit v where v.stage_id = s.id))
            """)
        .param("ids", ids)
        .query(UUID.class)
        .list();
  }

  boolean hasOpportunities(UUID pipelineId) {
    return jdbc.sql("select exists (select 1 from opportunity where pipeline_id = ?)")
        .param(pipelineId)
        .query(Boolean.class)
        .single();
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql("delete from pipeline where id = ? and version = ? and not is_default")
            .params(id, expectedVersion));
  }

  private void clearDefault() {
    jdbc.sql("update pipeline set is_default = false where is_default").update();
  }

  private List<Pipeline> read(@Nullable UUID only) {
    record Row(UUID id, String name, int position, boolean isDefault, long version) {}
    List<Row> rows =
        jdbc.sql(
                """
                select id, name, position, is_default, version from pipeline
                where (cast(:id as uuid) is null or id = :id) order by position, created_at, id
                """)
            .param("id", only)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getInt("position"),
                        rs.getBoolean("is_default"),
                        rs.getLong("version")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Pipeline.Stage>> stages = new LinkedHashMap<>();
    jdbc.sql(
            """
            select pipeline_id, id, name, position, probability from pipeline_stage
            where pipeline_id = any(?) order by pipeline_id, position, id
            """)
        .param(rows.stream().map(Row::id).toArray(UUID[]::new))
        .query(
            (java.sql.ResultSet rs) -> {
              stages
                  .computeIfAbsent(rs.getObject("pipeline_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new Pipeline.Stage(
                          rs.getObject("id", UUID.class),
                          rs.getString("name"),
                          rs.getInt("position"),
                          rs.getInt("probability")));
            });
    return rows.stream()
        .map(
            r ->
                new Pipeline(
                    r.id(),
                    r.name(),
                    r.position(),
                    r.isDefault(),
                    List.copyOf(stages.getOrDefault(r.id(), List.of())),
                    r.version()))
        .toList();
  }
}
