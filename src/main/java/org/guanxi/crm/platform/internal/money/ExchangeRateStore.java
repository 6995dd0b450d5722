package org.guanxi.crm.platform.internal.money;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current workspace's base currency and exchange rates. */
@Repository
class ExchangeRateStore {

  private static final String COLUMNS =
      """
      r.id, r.currency, r.base_currency, r.valid_from, r.rate, r.version,
        r.base_currency = (select w.base_currency from workspace w) as in_use
      """;

  /** A page of rates and the cursor of the next page, if there is one. */
  record Page(List<ExchangeRate> items, @Nullable String nextCursor) {}

  /** What an import did: rates added, rates whose figure changed, lines that were already so. */
  record Imported(int created, int changed, int unchanged) {}

  private final JdbcClient jdbc;

  ExchangeRateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  BaseCurrency base() {
    return jdbc.sql("select base_currency, version from workspace")
        .query((rs, n) -> new BaseCurrency(rs.getString(1), rs.getLong(2)))
        .single();
  }

  /** Sets the base currency if the workspace is still at {@code expectedVersion}. */
  boolean changeBase(String currency, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql("update workspace set base_currency = ?, version = version + 1 where version = ?")
            .params(currency, expectedVersion));
  }

  Optional<ExchangeRate> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from exchange_rate r where r.id = ?")
        .param(id)
        .query(ExchangeRate.class)
        .optional();
  }

  /** Rates by currency, each currency's latest first; only {@code currency}'s when given. */
  Page list(@Nullable String currency, @Nullable String cursor, int limit) {
    StringBuilder where = new StringBuilder("true");
    Map<String, Object> params = new HashMap<>();
    if (currency != null) {
      where.append(" and r.currency = :currency");
      params.put("currency", currency);
    }
    if (cursor != null) {
      ExchangeRateCursor after = ExchangeRateCursor.decode(cursor);
      where.append(
          """
           and (r.currency > :afterCurrency or (r.currency = :afterCurrency
             and (r.valid_from < :afterDay or (r.valid_from = :afterDay and r.id > :afterId))))
          """);
      params.put("afterCurrency", after.currency());
      params.put("afterDay", Date.valueOf(after.validFrom()));
      params.put("afterId", after.id());
    }
    params.put("limit", limit + 1);
    List<ExchangeRate> rows =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from exchange_rate r where "
                    + where
                    + " order by r.currency, r.valid_from desc, r.id limit :limit")
            .params(params)
            .query(ExchangeRate.class)
            .list();
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    ExchangeRate last = rows.get(limit - 1);
    return new Page(
        List.copyOf(rows.subList(0, limit)),
        new ExchangeRateCursor(last.currency(), last.validFrom(), last.id()).encode());
  }

  /** Whether another rate of the currency to the base is valid from the same day. */
  boolean taken(String currency, String base, LocalDate validFrom, @Nullable UUID except) {
    return jdbc.sql(
            """
            select exists (select 1 from exchange_rate where currency = :currency
              and base_currency = :base and valid_from = :day and id is distinct from :except)
            """)
        .param("currency", currency)
        .param("base", base)
        .param("day", Date.valueOf(validFrom))
        .param("except", except)
        .query(Boolean.class)
        .single();
  }

  UUID insert(String currency, String base, LocalDate validFrom, BigDecimal rate) {
    UUID id = Ids.newId();
    jdbc.sql(
            """
            insert into exchange_rate (workspace_id, id, currency, base_currency, valid_from, rate)
            values (guanxi_current_workspace(), ?, ?, ?, ?, ?)
            """)
        .params(id, currency, base, Date.valueOf(validFrom), rate)
        .update();
    return id;
  }

  /** Changes a rate (keeping its base) if it is still at {@code expectedVersion}. */
  boolean update(
      UUID id, long expectedVersion, String currency, LocalDate validFrom, BigDecimal rate) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update exchange_rate set currency = ?, valid_from = ?, rate = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(currency, Date.valueOf(validFrom), rate, id, expectedVersion));
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(jdbc, "delete from exchange_rate", id, expectedVersion);
  }

  /**
   * Writes the lines of an imported file with one statement: a rate of a currency and day that
   * exists already takes the file's figure (and a new version, if the figure differs).
   */
  Imported importRates(String base, List<ExchangeRateFile.Line> lines) {
    String[] ids = new String[lines.size()];
    String[] currencies = new String[lines.size()];
    String[] days = new String[lines.size()];
    String[] rates = new String[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      ExchangeRateFile.Line line = lines.get(i);
      ids[i] = Ids.newId().toString();
      currencies[i] = line.currency();
      days[i] = line.validFrom().toString();
      rates[i] = line.rate().toPlainString();
    }
    List<Boolean> written =
        jdbc.sql(
                """
                insert into exchange_rate as r (workspace_id, id, currency, base_currency, valid_from, rate)
                select guanxi_current_workspace(), i.id, i.currency, ?, i.valid_from, i.rate
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as date[]), cast(? as numeric[]))
                  as i (id, currency, valid_from, rate)
                on conflict (workspace_id, currency, base_currency, valid_from) do update
                  set rate = excluded.rate, version = r.version + 1
                  where r.rate <> excluded.rate
                returning r.xmax = 0
                """)
            .params(base, ids, currencies, days, rates)
            .query(Boolean.class)
            .list();
    int created = (int) written.stream().filter(Boolean::booleanValue).count();
    int changed = written.size() - created;
    return new Imported(created, changed, lines.size() - written.size());
  }

  /**
   * The rates to {@code base} of {@code currencies} that are valid on some day from {@code first}
   * to {@code last}: each currency's latest rate on or before {@code first}, and those after it up
   * to {@code last}.
   */
  Map<String, Map<LocalDate, BigDecimal>> ratesToBase(
      String base, Collection<String> currencies, LocalDate first, LocalDate last) {
    Map<String, Map<LocalDate, BigDecimal>> rates = new HashMap<>();
    jdbc.sql(
            """
            with since as (
              select currency, max(valid_from) as day from exchange_rate
              where base_currency = :base and currency in (:currencies) and valid_from <= :first
              group by currency
            )
            select r.currency, r.valid_from, r.rate
            from exchange_rate r left join since s on s.currency = r.currency
            where r.base_currency = :base and r.currency in (:currencies) and r.valid_from <= :last
              and r.valid_from >= coalesce(s.day, :first)
            """)
        .param("base", base)
        .param("currencies", new ArrayList<>(currencies))
        .param("first", Date.valueOf(first))
        .param("last", Date.valueOf(last.isBefore(first) ? first : last))
        .query(
            (ResultSet rs) -> {
              rates
                  .computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                  .put(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
            });
    return rates;
  }
}
