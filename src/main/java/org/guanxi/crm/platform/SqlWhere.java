package org.guanxi.crm.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The where clause of a list query, built from the filters a caller gave: conditions joined with
 * {@code and}, and the named parameters they use. A filter that was not given adds nothing, so a
 * store writes each filter once, in one line.
 */
public final class SqlWhere {

  private final StringBuilder sql;
  private final Map<String, Object> params;

  /** A clause that starts with {@code condition} and its parameters. */
  public SqlWhere(String condition, Map<String, ?> params) {
    this.sql = new StringBuilder(condition);
    this.params = new HashMap<>(params);
  }

  /** A clause that lets every row through until filters narrow it. */
  public static SqlWhere all() {
    return new SqlWhere("true", Map.of());
  }

  /** A clause that starts with a condition of record access, such as the records a user sees. */
  public static SqlWhere of(RecordAccess.Condition condition) {
    return new SqlWhere(condition.sql(), condition.params());
  }

  /** A clause that starts with the rows held as {@code holding} says that {@code user} may see. */
  public static SqlWhere visibleTo(CurrentUser user, Holding holding) {
    return of(RecordAccess.visible(user, holding));
  }

  /**
   * Adds {@code condition}, which names the parameter {@code name}, when {@code value} is given (an
   * enum by its name); nothing when it is null.
   */
  public SqlWhere and(String condition, String name, @Nullable Object value) {
    if (value != null) {
      sql.append(" and ").append(condition);
      params.put(name, value instanceof Enum<?> e ? e.name() : value);
    }
    return this;
  }

  /** Adds a condition with no parameters, or whose parameters are put with {@link #param}. */
  public SqlWhere and(String condition) {
    sql.append(" and ").append(condition);
    return this;
  }

  /**
   * Adds the keyset condition of the page after a cursor: the rows whose sort key and id come after
   * the cursor's ({@code :cursorKey}, {@code :cursorId}) in the list's order.
   */
  public SqlWhere after(
      String keyColumn, String idColumn, boolean descending, Object key, UUID id) {
    sql.append(" and (")
        .append(keyColumn)
        .append(", ")
        .append(idColumn)
        .append(descending ? ") < " : ") > ")
        .append("(:cursorKey, :cursorId)");
    params.put("cursorKey", key);
    params.put("cursorId", id);
    return this;
  }

  /**
   * Adds the keyset condition of the page after {@code cursor}, a {@link SqlCursor} token whose key
   * {@code key} reads as the parameter to compare with; nothing for the first page (no cursor).
   */
  public SqlWhere after(
      @Nullable String cursor,
      String keyColumn,
      String idColumn,
      boolean descending,
      Function<String, Object> key) {
    if (cursor != null) {
      SqlCursor<Object> after = SqlCursor.decode(cursor, key);
      after(keyColumn, idColumn, descending, after.key(), after.id());
    }
    return this;
  }

  /** Adds a parameter that a condition or the rest of the query names. */
  public SqlWhere param(String name, @Nullable Object value) {
    params.put(name, value);
    return this;
  }

  /**
   * The rows of one page of a keyset-paged list: {@code select} (the columns and tables, up to its
   * where clause) narrowed by this clause, in {@code orderBy}, one row more than the page holds
   * (see {@link SqlPage#of}).
   */
  public <T> List<T> pageRows(
      JdbcClient jdbc, String select, String orderBy, int limit, RowMapper<T> row) {
    return firstRows(jdbc, select, orderBy, SqlPage.rowsToRead(limit), row);
  }

  /**
   * The first {@code limit} rows of {@code select} (up to its where clause) that this clause lets
   * through, in {@code orderBy}: a short list that pages no further (the home page's, the search
   * box's).
   */
  public <T> List<T> firstRows(
      JdbcClient jdbc, String select, String orderBy, int limit, RowMapper<T> row) {
    params.put("limit", limit);
    return jdbc.sql(select + " where " + sql + " order by " + orderBy + " limit :limit")
        .params(params)
        .query(row)
        .list();
  }

  /**
   * The page {@code request} asks for of a keyset-paged list: the rows of {@code select} (the
   * columns and tables, up to its where clause) narrowed by this clause, after the request's cursor
   * in the order of {@code keyset}, and the cursor of the next page; one query.
   */
  public <T> SqlPage<T> page(
      JdbcClient jdbc,
      String select,
      SqlPage.Keyset<T> keyset,
      SqlPage.Request request,
      RowMapper<T> row) {
    after(
        request.cursor(),
        keyset.keyColumn(),
        keyset.idColumn(),
        keyset.descending(),
        keyset.cursorKey());
    List<T> rows = pageRows(jdbc, select, keyset.orderBy(), request.limit(), row);
    return SqlPage.of(rows, request.limit(), keyset::cursorAfter);
  }

  /**
   * The one row of {@code select} (up to its where clause) that this clause lets through, if any.
   */
  public <T> Optional<T> one(JdbcClient jdbc, String select, RowMapper<T> row) {
    return jdbc.sql(select + " where " + sql).params(params).query(row).optional();
  }

  /** The conditions, to follow {@code where}. */
  public String sql() {
    return sql.toString();
  }

  /** The parameters; a condition built elsewhere may add its own to them. */
  public Map<String, Object> params() {
    return params;
  }

  @Override
  public String toString() {
    return sql();
  }
}
