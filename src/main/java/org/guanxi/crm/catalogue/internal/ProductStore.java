package org.guanxi.crm.catalogue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.catalogue.Product;
import org.guanxi.crm.catalogue.Products;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlText;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products in PostgreSQL, ordered and paged by their code. */
@Repository
class ProductStore {

  private static final String COLUMNS =
      """
      p.id, p.code, p.name, p.category_id,
      (select k.name from product_category k where k.id = p.category_id) as category_name,
      p.unit, p.list_price, p.unit_cost, p.currency, p.active, p.created_at, p.updated_at, p.version
      """;

  /** A product as its record reads the columns. */
  private static final RowMapper<Product> ROW = new SimplePropertyRowMapper<>(Product.class);

  record Page(List<Product> items, @Nullable String nextCursor) {}

  private static final String INSERT =
      """
      insert into product (workspace_id, id, code, name, category_id, unit, list_price, unit_cost,
        currency, active, created_at, updated_at)
      values (guanxi_current_workspace(), :id, :code, :name, :categoryId, :unit, :listPrice, :unitCost,
        :currency, :active, :now, :now)
      """;

  private static final String UPDATE =
      """
      update product set code = :code, name = :name, category_id = :categoryId, unit = :unit,
        list_price = :listPrice, unit_cost = :unitCost, currency = :currency, active = :active
      """;

  private final JdbcClient jdbc;

  ProductStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, ProductDraft draft, Instant now) {
    StoreWrites.insert(jdbc, INSERT, parameters(draft), id, now);
  }

  boolean update(UUID id, long expectedVersion, ProductDraft draft, Instant now) {
    return StoreWrites.updateAtVersion(jdbc, UPDATE, parameters(draft), id, expectedVersion, now);
  }

  Optional<Product> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from product p where p.id = ?")
        .param(id)
        .query(Product.class)
        .optional();
  }

  List<Product> findAll(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from product p where p.id = any(?)")
        .param(ids.toArray(UUID[]::new))
        .query(Product.class)
        .list();
  }

  /** The products with these code keys (codes in lower case), by code key, with one query. */
  Map<String, Products.Coded> byCodeKeys(Collection<String> codeKeys) {
    Map<String, Products.Coded> found = new HashMap<>();
    if (codeKeys.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select id, code_key, name, unit_cost, currency from product
            where code_key = any(cast(:keys as text[]))
            """)
        .param("keys", codeKeys.toArray(String[]::new))
        .query(
            (rs, n) ->
                new Products.Coded(
                    rs.getObject("id", UUID.class),
                    rs.getString("code_key"),
                    rs.getString("name"),
                    rs.getBigDecimal("unit_cost"),
                    rs.getString("currency")))
        .list()
        .forEach(p -> found.put(p.codeKey(), p));
    return found;
  }

  /**
   * Inserts products with one statement, active and in no category; a code another product took
   * meanwhile is skipped. Returns the ids of the products inserted.
   */
  Set<UUID> insertAll(List<Products.NewProduct> products, Instant now) {
    if (products.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                """
                insert into product (workspace_id, id, code, name, unit, list_price, unit_cost, currency, active,
                  created_at, updated_at)
                select guanxi_current_workspace(), p.id, p.code, p.name, p.unit, p.list_price, p.unit_cost,
                  p.currency, true, :now, :now
                from unnest(cast(:ids as uuid[]), cast(:codes as text[]), cast(:names as text[]),
                  cast(:units as text[]), cast(:prices as numeric[]), cast(:costs as numeric[]),
                  cast(:currencies as text[])) as p (id, code, name, unit, list_price, unit_cost, currency)
                on conflict do nothing
                returning id
                """)
            .param("ids", products.stream().map(p -> p.id().toString()).toArray(String[]::new))
            .param("codes", products.stream().map(Products.NewProduct::code).toArray(String[]::new))
            .param("names", products.stream().map(Products.NewProduct::name).toArray(String[]::new))
            .param("units", products.stream().map(Products.NewProduct::unit).toArray(String[]::new))
            .param(
                "prices",
                products.stream().map(p -> p.listPrice().toPlainString()).toArray(String[]::new))
            .param(
                "costs",
                products.stream().map(p -> p.unitCost().toPlainString()).toArray(String[]::new))
            .param(
                "currencies",
                products.stream().map(Products.NewProduct::currency).toArray(String[]::new))
            .param("now", Timestamp.from(now))
            .query(UUID.class)
            .list());
  }

  boolean codeTaken(String code, @Nullable UUID except) {
    return StoreWrites.taken(jdbc, "product", "lower(code) = lower(:value)", code, except);
  }

  Page list(
      @Nullable String q,
      @Nullable UUID categoryId,
      @Nullable Boolean active,
      @Nullable String cursor,
      int limit) {
    String text = FreeText.stripped(q);
    SqlWhere where =
        SqlWhere.all()
            .and(
                "(p.code ilike :like or p.name ilike :like)",
                "like",
                text == null ? null : SqlText.likeAnywhere(text))
            .and("p.category_id = :categoryId", "categoryId", categoryId)
            .and("p.active = :active", "active", active);
    if (cursor != null) {
      ProductCursor after = ProductCursor.decode(cursor);
      where.after("p.code", "p.id", false, after.code(), after.id());
    }
    List<Product> rows =
        where.pageRows(jdbc, "select " + COLUMNS + " from product p", "p.code, p.id", limit, ROW);
    SqlPage<Product> page =
        SqlPage.of(rows, limit, last -> new ProductCursor(last.code(), last.id()).encode());
    return new Page(page.items(), page.nextCursor());
  }

  private static Map<String, Object> parameters(ProductDraft draft) {
    Map<String, Object> params = new HashMap<>();
    params.put("code", draft.code().strip());
    params.put("name", draft.name().strip());
    params.put("categoryId", draft.categoryId());
    params.put("unit", draft.unit().strip());
    params.put("listPrice", draft.listPrice());
    params.put("unitCost", draft.unitCostOrZero());
    params.put("currency", draft.currencyOrDefault());
    params.put("active", draft.activeOrDefault());
    return params;
  }
}
