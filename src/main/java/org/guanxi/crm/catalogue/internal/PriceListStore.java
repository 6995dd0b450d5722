package org.guanxi.crm.catalogue.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StoreWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Price lists and their prices in PostgreSQL. */
@Repository
class PriceListStore {

  private final JdbcClient jdbc;

  PriceListStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, PriceList.Draft draft, Instant now) {
    jdbc.sql(
            "insert into price_list (workspace_id, id, name, customer_group, currency, created_at) "
                + "values (guanxi_current_workspace(), ?, ?, ?, ?, ?)")
        .params(
            id,
            draft.name().strip(),
            draft.customerGroup().strip(),
            draft.currencyOrDefault(),
            Timestamp.from(now))
        .update();
  }

  boolean update(UUID id, long expectedVersion, PriceList.Draft draft) {
    return StoreWrites.changedOne(
        jdbc.sql(
                "update price_list set name = ?, customer_group = ?, currency = ?, version = version + 1 "
                    + "where id = ? and version = ?")
            .params(
                draft.name().strip(),
                draft.customerGroup().strip(),
                draft.currencyOrDefault(),
                id,
                expectedVersion));
  }

  /** Counts a change of the list's prices as a new version of the list; false when stale. */
  boolean touch(UUID id, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql("update price_list set version = version + 1 where id = ? and version = ?")
            .params(id, expectedVersion));
  }

  Optional<PriceList> find(UUID id) {
    return jdbc.sql(
            "select id, name, customer_group, currency, version from price_list where id = ?")
        .param(id)
        .query(PriceList.class)
        .optional();
  }

  List<PriceList> all() {
    return jdbc.sql(
            "select id, name, customer_group, currency, version from price_list order by name, id")
        .query(PriceList.class)
        .list();
  }

  List<PriceList.Price> prices(UUID priceListId) {
    return jdbc.sql(
            """
            select p.id as product_id, p.code as product_code, p.name as product_name, lp.price
            from price_list_price lp join product p on p.id = lp.product_id
            where lp.price_list_id = ? order by p.code, p.id
            """)
        .param(priceListId)
        .query(PriceList.Price.class)
        .list();
  }

  void setPrice(UUID priceListId, UUID productId, BigDecimal price) {
    jdbc.sql(
            """
            insert into price_list_price (workspace_id, price_list_id, product_id, price)
            values (guanxi_current_workspace(), ?, ?, ?)
            on conflict (workspace_id, price_list_id, product_id) do update set price = excluded.price
            """)
        .params(priceListId, productId, price)
        .update();
  }

  void removePrice(UUID priceListId, UUID productId) {
    jdbc.sql("delete from price_list_price where price_list_id = ? and product_id = ?")
        .params(priceListId, productId)
        .update();
  }

  /**
   * The lowest price any of the groups' lists in the currency gives the product: a customer in two
   * groups gets the better price.
   */
  Optional<BigDecimal> lowestPrice(Collection<String> groups, UUID productId, String currency) {
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select lp.price from price_list_price lp
            join price_list l on l.id = lp.price_list_id
            where lp.product_id = ? and l.currency = ? and l.customer_group = any(?)
            order by lp.price limit 1
            """)
        .params(productId, currency, groups.toArray(String[]::new))
        .query(BigDecimal.class)
        .optional();
  }
}
