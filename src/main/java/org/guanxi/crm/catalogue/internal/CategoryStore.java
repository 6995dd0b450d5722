package org.guanxi.crm.catalogue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Product categories in PostgreSQL. */
@Repository
class CategoryStore {

  private final JdbcClient jdbc;

  CategoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, Category.Draft draft, Instant now) {
    jdbc.sql(
            "insert into product_category (workspace_id, id, name, parent_id, created_at) "
                + "values (guanxi_current_workspace(), ?, ?, ?, ?)")
        .params(id, draft.name().strip(), draft.parentId(), Timestamp.from(now))
        .update();
  }

  boolean update(UUID id, long expectedVersion, Category.Draft draft) {
    return StoreWrites.changedOne(
        jdbc.sql(
                "update product_category set name = ?, parent_id = ?, version = version + 1 "
                    + "where id = ? and version = ?")
            .params(draft.name().strip(), draft.parentId(), id, expectedVersion));
  }

  Optional<Category> find(UUID id) {
    return jdbc.sql("select id, name, parent_id, version from product_category where id = ?")
        .param(id)
        .query(Category.class)
        .optional();
  }

  List<Category> all() {
    return jdbc.sql("select id, name, parent_id, version from product_category order by name, id")
        .query(Category.class)
        .list();
  }

  /** Whether {@code candidate} is {@code id} itself or one of the categories below it. */
  boolean isSelfOrBelow(UUID candidate, UUID id) {
    return jdbc.sql(
            """
            with recursive below(id) as (
              select cast(:id as uuid)
              union select k.id from product_category k join below b on k.parent_id = b.id)
            select exists (select 1 from below where id = :candidate)
            """)
        .param("id", id)
        .param("candidate", candidate)
        .query(Boolean.class)
        .single();
  }

  boolean exists(@Nullable UUID id) {
    return id != null && find(id).isPresent();
  }
}
