package org.guanxi.crm.orders.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Orders written in bulk by an import, inside the caller's transaction. A batch's orders and lines
 * travel to PostgreSQL with {@code COPY} into two temporary tables of the connection (COPY cannot
 * write to a table under row-level security) and move from there with one {@code INSERT … SELECT}
 * each, which the policies check as any insert.
 */
@Repository
class ImportedOrderStore {

  /** An order that already has a number of the file. */
  record Existing(
      UUID id,
      String number,
      @Nullable UUID importId,
      OrderKind kind,
      UUID customerId,
      String currency,
      int lastPosition) {}

  record NewOrder(
      UUID id,
      String number,
      UUID customerId,
      String customerName,
      OrderStatus status,
      OrderKind kind,
      LocalDate orderDate,
      @Nullable LocalDate deliveredOn,
      @Nullable LocalDate paidOn,
      String currency,
      @Nullable String country,
      BigDecimal amount,
      BigDecimal cost) {}

  record NewLine(
      UUID orderId,
      int position,
      @Nullable UUID productId,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal unitCost,
      BigDecimal amount,
      BigDecimal cost) {}

  /** Lines added to an order an earlier batch of the same import created: what they add up to. */
  record Addition(UUID orderId, BigDecimal amount, BigDecimal cost) {}

  /** A customer's orders in an import. */
  record CustomerOrders(
      UUID customerId,
      int sales,
      int returns,
      @Nullable LocalDate firstSale,
      @Nullable LocalDate lastSale,
      LocalDate first,
      LocalDate last) {}

  private static final String STAGING =
      """
      create temporary table if not exists order_import_order_stage (
        id uuid, number text, customer_id uuid, customer_name text, status text, kind text, order_date date,
        delivered_on date, paid_on date, currency text, country text, amount numeric, cost numeric
      ) on commit delete rows;
      create temporary table if not exists order_import_line_stage (
        order_id uuid, position int, product_id uuid, description text, quantity numeric, unit_price numeric,
        discount_percent numeric, unit_cost numeric, amount numeric, cost numeric
      ) on commit delete rows
      """;

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  ImportedOrderStore(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** The orders that have these numbers, by number, with the position of their last line. */
  Map<String, Existing> existing(Collection<String> numbers) {
    Map<String, Existing> found = new HashMap<>();
    if (numbers.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select o.id, o.number, o.import_id, o.kind, o.customer_id, o.currency,
              (select coalesce(max(l.position), 0) from sales_order_line l where l.order_id = o.id) as last_position
            from sales_order o where o.number = any(cast(:numbers as text[]))
            """)
        .param("numbers", numbers.toArray(String[]::new))
        .query(
            (rs, n) ->
                new Existing(
                    rs.getObject("id", UUID.class),
                    rs.getString("number"),
                    rs.getObject("import_id", UUID.class),
                    OrderKind.valueOf(rs.getString("kind")),
                    rs.getObject("customer_id", UUID.class),
                    rs.getString("currency"),
                    rs.getInt("last_position")))
        .list()
        .forEach(e -> found.put(e.number(), e));
    return found;
  }

  /**
   * Writes a batch: new orders (owned by {@code ownerId}, marked as the import's) and all lines,
   * and adds the lines that extend orders of earlier batches to their totals.
   */
  void write(
      UUID importId,
      UUID ownerId,
      Instant now,
      List<NewOrder> orders,
      List<NewLine> lines,
      List<Addition> additions) {
    if (!lines.isEmpty()) {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute(STAGING);
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        if (!orders.isEmpty()) {
          copy.copyIn(
              "copy order_import_order_stage from stdin",
              new ByteArrayInputStream(orderRows(orders)));
        }
        copy.copyIn(
            "copy order_import_line_stage from stdin", new ByteArrayInputStream(lineRows(lines)));
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("Could not stage a batch of imported orders", e);
      }
      UUID workspace = WorkspaceContext.require();
      if (!orders.isEmpty()) {
        jdbc.sql(
                """
                insert into sales_order (workspace_id, id, number, customer_id, customer_name, owner_id, status, kind,
                  order_date, delivered_on, paid_on, currency, country, amount, cost, import_id, created_at, updated_at)
                select :workspace, s.id, s.number, s.customer_id, s.customer_name, :owner, s.status, s.kind,
                  s.order_date, s.delivered_on, s.paid_on, s.currency, s.country, s.amount, s.cost, :importId, :now, :now
                from order_import_order_stage s
                """)
            .param("workspace", workspace)
            .param("owner", ownerId)
            .param("importId", importId)
            .param("now", Timestamp.from(now))
            .update();
      }
      jdbc.sql(
              """
              insert into sales_order_line (workspace_id, order_id, position, product_id, description, quantity,
                unit_price, discount_percent, unit_cost, amount, cost)
              select :workspace, s.order_id, s.position, s.product_id, s.description, s.quantity, s.unit_price,
                s.discount_percent, s.unit_cost, s.amount, s.cost
              from order_import_line_stage s
              """)
          .param("workspace", workspace)
          .update();
    }
    if (!additions.isEmpty()) {
      jdbc.sql(
              """
              update sales_order o set amount = o.amount + a.amount, cost = o.cost + a.cost, updated_at = :now,
                version = o.version + 1
              from unnest(cast(:ids as uuid[]), cast(:amounts as numeric[]), cast(:costs as numeric[]))
                as a (id, amount, cost)
              where o.id = a.id
              """)
          .param("ids", additions.stream().map(a -> a.orderId().toString()).toArray(String[]::new))
          .param(
              "amounts",
              additions.stream().map(a -> a.amount().toPlainString()).toArray(String[]::new))
          .param(
              "costs", additions.stream().map(a -> a.cost().toPlainString()).toArray(String[]::new))
          .param("now", Timestamp.from(now))
          .update();
    }
  }

  /**
   * The customer in the middle of an import's orders, in order of id: the ranges up to it and after
   * it have about as many orders each. Nothing when the import has no orders.
   */
  Optional<UUID> medianCustomer(UUID importId) {
    return jdbc.sql(
            """
            select customer_id from sales_order where import_id = :importId order by customer_id
            offset (select count(*) / 2 from sales_order where import_id = :importId) limit 1
            """)
        .param("importId", importId)
        .query(UUID.class)
        .optional();
  }

  /**
   * The customers of an import's orders in order of id, after {@code after} and up to {@code upTo}
   * (if given), with how many sales and returns each has in it and their dates.
   */
  List<CustomerOrders> customersOf(
      UUID importId, @Nullable UUID after, @Nullable UUID upTo, int limit) {
    return jdbc.sql(
            """
            select customer_id, count(*) filter (where kind = 'SALE') as sales,
              count(*) filter (where kind = 'RETURN') as returns,
              min(order_date) filter (where kind = 'SALE') as first_sale,
              max(order_date) filter (where kind = 'SALE') as last_sale,
              min(order_date) as first, max(order_date) as last
            from sales_order
            where import_id = :importId and customer_id > :after and customer_id <= :upTo
            group by customer_id order by customer_id limit :limit
            """)
        .param("importId", importId)
        .param("after", after == null ? new UUID(0L, 0L) : after)
        .param("upTo", upTo == null ? new UUID(-1L, -1L) : upTo)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              Date firstSale = rs.getDate("first_sale");
              Date lastSale = rs.getDate("last_sale");
              return new CustomerOrders(
                  rs.getObject("customer_id", UUID.class),
                  rs.getInt("sales"),
                  rs.getInt("returns"),
                  firstSale == null ? null : firstSale.toLocalDate(),
                  lastSale == null ? null : lastSale.toLocalDate(),
                  rs.getDate("first").toLocalDate(),
                  rs.getDate("last").toLocalDate());
            })
        .list();
  }

  private static byte[] orderRows(List<NewOrder> orders) {
    StringBuilder rows = new StringBuilder(orders.size() * 160);
    for (NewOrder o : orders) {
      CopyText.row(
          rows,
          o.id(),
          o.number(),
          o.customerId(),
          o.customerName(),
          o.status().name(),
          o.kind().name(),
          o.orderDate(),
          o.deliveredOn(),
          o.paidOn(),
          o.currency(),
          o.country(),
          o.amount(),
          o.cost());
    }
    return rows.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] lineRows(List<NewLine> lines) {
    StringBuilder rows = new StringBuilder(lines.size() * 140);
    for (NewLine l : lines) {
      CopyText.row(
          rows,
          l.orderId(),
          l.position(),
          l.productId(),
          l.description(),
          l.quantity(),
          l.unitPrice(),
          l.discountPercent(),
          l.unitCost(),
          l.amount(),
          l.cost());
    }
    return rows.toString().getBytes(StandardCharsets.UTF_8);
  }
}
