package org.guanxi.crm.orders.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.Customers.VisibleCustomers;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.ChildRows;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlText;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines in PostgreSQL; lists are limited to visible customers in the query. */
@Repository
class OrderStore {

  private static final String COLUMNS =
      """
      o.id, o.number, o.customer_id, o.customer_name, o.owner_id, o.status, o.kind, o.order_date, o.delivered_on,
      o.paid_on, o.currency, o.country, o.amount, o.cost, o.notes, o.created_at, o.updated_at, o.version
      """;

  /** An order's content, ready to be stored: the lines settled and the totals added up. */
  record Content(
      String number,
      UUID customerId,
      String customerName,
      UUID ownerId,
      OrderStatus status,
      LocalDate orderDate,
      String currency,
      @Nullable String notes,
      List<Order.Line> lines) {

    java.math.BigDecimal amount() {
      return lines.stream()
          .map(Order.Line::amount)
          .reduce(java.math.BigDecimal.ZERO, (a, b) -> a.add(b));
    }

    java.math.BigDecimal cost() {
      return lines.stream()
          .map(Order.Line::cost)
          .reduce(java.math.BigDecimal.ZERO, (a, b) -> a.add(b));
    }
  }

  record Page(List<Order> items, @Nullable String nextCursor) {}

  /** The order list: the latest order date first. */
  private static final SqlPage.Keyset<Order> LATEST =
      SqlPage.Keyset.byDate("o.order_date", "o.id", true, Order::orderDate, Order::id);

  private static final String INSERT =
      """
      insert into sales_order (workspace_id, id, number, customer_id, customer_name, owner_id, status,
        order_date, currency, amount, cost, notes, created_at, updated_at)
      values (guanxi_current_workspace(), :id, :number, :customerId, :customerName, :ownerId, :status,
        :orderDate, :currency, :amount, :cost, :notes, :now, :now)
      """;

  private static final String UPDATE =
      """
      update sales_order set number = :number, customer_id = :customerId,
        customer_name = :customerName, owner_id = :ownerId, order_date = :orderDate,
        currency = :currency, amount = :amount, cost = :cost, notes = :notes
      """;

  /** The orders' lines. */
  private static final ChildRows<Order.Line> LINES =
      new ChildRows<>(
          Order.Line.class,
          "sales_order_line",
          "order_id",
          """
          select order_id, position, product_id, description, quantity, unit_price, discount_percent,
            unit_cost, amount, cost
          from sales_order_line where order_id = any(?) order by order_id, position
          """,
          """
          insert into sales_order_line (workspace_id, order_id, position, product_id, description, quantity,
            unit_price, discount_percent, unit_cost, amount, cost)
          values (guanxi_current_workspace(), :parent, :position, :productId, :description, :quantity,
            :unitPrice, :discountPercent, :unitCost, :amount, :cost)
          """);

  private final JdbcClient jdbc;

  OrderStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of the workspace's own sequence, such as {@code SO-000123}. */
  String nextNumber() {
    long next =
        jdbc.sql(
                """
                insert into sales_order_counter (workspace_id, last_number) values (guanxi_current_workspace(), 1)
                on conflict (workspace_id) do update set last_number = sales_order_counter.last_number + 1
                returning last_number
                """)
            .query(Long.class)
            .single();
    return "SO-%06d".formatted(next);
  }

  boolean numberTaken(String number, @Nullable UUID except) {
    return StoreWrites.taken(jdbc, "sales_order", "number = :value", number, except);
  }

  void insert(UUID id, Content content, Instant now) {
    StoreWrites.insert(jdbc, INSERT, parameters(content), id, now);
    LINES.insert(jdbc, id, content.lines());
  }

  boolean update(UUID id, long expectedVersion, Content content, Instant now) {
    return LINES.updateAtVersion(
        jdbc, UPDATE, parameters(content), id, expectedVersion, now, content.lines());
  }

  /** Changes who owns an order and its notes, nothing else; false when the version is stale. */
  boolean changeOwnerAndNotes(
      UUID id, long expectedVersion, UUID ownerId, @Nullable String notes, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update sales_order set owner_id = ?, notes = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(ownerId, notes, Timestamp.from(now), id, expectedVersion));
  }

  boolean changeStatus(
      UUID id,
      long expectedVersion,
      OrderStatus status,
      @Nullable LocalDate deliveredOn,
      @Nullable LocalDate paidOn,
      Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update sales_order set status = ?, delivered_on = ?, paid_on = ?, updated_at = ?,
                  version = version + 1
                where id = ? and version = ?
                """)
            .params(
                status.name(),
                deliveredOn == null ? null : Date.valueOf(deliveredOn),
                paidOn == null ? null : Date.valueOf(paidOn),
                Timestamp.from(now),
                id,
                expectedVersion));
  }

  Optional<Order> find(UUID id) {
    Optional<Order> order =
        jdbc.sql("select " + COLUMNS + " from sales_order o where o.id = ?")
            .param(id)
            .query((rs, row) -> order(rs, List.of()))
            .optional();
    return order.map(o -> LINES.attach(jdbc, o, Order::id, Order::withLines));
  }

  /** The orders of visible customers whose number starts with {@code prefix}, by number. */
  List<Order> numbered(VisibleCustomers visible, String prefix, int limit) {
    SqlWhere where =
        new SqlWhere(visible.sql(), visible.params())
            .and("o.number like :prefix", "prefix", SqlText.likePrefix(prefix));
    return where.firstRows(
        jdbc,
        "select " + COLUMNS + " from sales_order o",
        "o.number, o.id",
        limit,
        (rs, row) -> order(rs, List.of()));
  }

  Page list(VisibleCustomers visible, OrderQuery query) {
    SqlWhere where =
        new SqlWhere(visible.sql(), visible.params())
            .and("o.customer_id = :customerId", "customerId", query.customerId())
            .and("o.status = :status", "status", query.status())
            .and("o.owner_id = :ownerId", "ownerId", query.ownerId())
            .and(
                "o.order_date >= :from",
                "from",
                query.from() == null ? null : Date.valueOf(query.from()))
            .and("o.order_date <= :to", "to", query.to() == null ? null : Date.valueOf(query.to()));
    SqlPage<Order> page =
        where.page(
            jdbc,
            "select " + COLUMNS + " from sales_order o",
            LATEST,
            query,
            (rs, row) -> order(rs, List.of()));
    return new Page(
        LINES.attach(jdbc, page.items(), Order::id, Order::withLines), page.nextCursor());
  }

  private static Map<String, Object> parameters(Content content) {
    Map<String, Object> params = new HashMap<>();
    params.put("number", content.number());
    params.put("customerId", content.customerId());
    params.put("customerName", content.customerName());
    params.put("ownerId", content.ownerId());
    params.put("status", content.status().name());
    params.put("orderDate", Date.valueOf(content.orderDate()));
    params.put("currency", content.currency());
    params.put("amount", content.amount());
    params.put("cost", content.cost());
    params.put("notes", content.notes());
    return params;
  }

  private static Order order(ResultSet rs, List<Order.Line> lines) throws SQLException {
    Date delivered = rs.getDate("delivered_on");
    Date paid = rs.getDate("paid_on");
    return new Order(
        rs.getObject("id", UUID.class),
        rs.getString("number"),
        rs.getObject("customer_id", UUID.class),
        rs.getString("customer_name"),
        rs.getObject("owner_id", UUID.class),
        null,
        OrderStatus.valueOf(rs.getString("status")),
        OrderKind.valueOf(rs.getString("kind")),
        rs.getDate("order_date").toLocalDate(),
        delivered == null ? null : delivered.toLocalDate(),
        paid == null ? null : paid.toLocalDate(),
        rs.getString("currency"),
        rs.getString("country"),
        rs.getBigDecimal("amount"),
        rs.getBigDecimal("cost"),
        rs.getString("notes"),
        lines,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
