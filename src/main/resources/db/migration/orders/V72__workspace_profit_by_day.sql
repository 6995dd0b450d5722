-- A customer's profit contribution is its share of the workspace's gross profit in a period. Summing the period's
-- orders for that reads every order of the workspace in it (millions, once years of orders are imported), so the
-- workspace's gross profit is kept per day and currency here, and a period sums its days: a few thousand rows at most.
-- Placed sales (confirmed, delivered, paid) add amount − cost; return documents (kind RETURN) take theirs away;
-- drafts, cancelled and returned sales count nothing, as RevenueStore counts a customer's own orders.
--
-- Rows are spread over eight slots by the writing connection, so that the orders many people place on the same day
-- do not all wait for one row; a period sums its slots too.
create table sales_profit_by_day (
  workspace_id uuid not null references workspace (id),
  currency     char(3) not null,
  day          date not null,
  slot         smallint not null,
  gross_profit numeric not null,
  primary key (workspace_id, currency, day, slot)
);

create function guanxi_order_profit(status text, kind text, amount numeric, cost numeric) returns numeric
  language sql immutable parallel safe
  as $$ select case when status in ('CONFIRMED', 'DELIVERED', 'PAID') then amount - cost
                    when kind = 'RETURN' then cost - amount
                    else 0 end $$;

-- Each trigger adds a statement's orders to their days (and takes the old figures of updated or deleted ones away)
-- with one upsert, the days in order so that two statements never wait for each other in a circle.
create function guanxi_sales_profit_on_insert() returns trigger language plpgsql as $$
begin
  insert into sales_profit_by_day as p (workspace_id, currency, day, slot, gross_profit)
    select n.workspace_id, n.currency, n.order_date, pg_backend_pid() % 8,
           sum(guanxi_order_profit(n.status, n.kind, n.amount, n.cost))
    from new_rows n
    group by n.workspace_id, n.currency, n.order_date
    having sum(guanxi_order_profit(n.status, n.kind, n.amount, n.cost)) <> 0
    order by n.workspace_id, n.currency, n.order_date
  on conflict (workspace_id, currency, day, slot) do update set gross_profit = p.gross_profit + excluded.gross_profit;
  return null;
end $$;

create function guanxi_sales_profit_on_delete() returns trigger language plpgsql as $$
begin
  insert into sales_profit_by_day as p (workspace_id, currency, day, slot, gross_profit)
    select o.workspace_id, o.currency, o.order_date, pg_backend_pid() % 8,
           -sum(guanxi_order_profit(o.status, o.kind, o.amount, o.cost))
    from old_rows o
    group by o.workspace_id, o.currency, o.order_date
    having sum(guanxi_order_profit(o.status, o.kind, o.amount, o.cost)) <> 0
    order by o.workspace_id, o.currency, o.order_date
  on conflict (workspace_id, currency, day, slot) do update set gross_profit = p.gross_profit + excluded.gross_profit;
  return null;
end $$;

-- An update moves what changed: the old figures out of their day, the new ones into theirs.
create function guanxi_sales_profit_on_update() returns trigger language plpgsql as $$
begin
  insert into sales_profit_by_day as p (workspace_id, currency, day, slot, gross_profit)
    select c.workspace_id, c.currency, c.order_date, pg_backend_pid() % 8, sum(c.profit)
    from (
      select n.workspace_id, n.currency, n.order_date, guanxi_order_profit(n.status, n.kind, n.amount, n.cost) as profit
      from new_rows n
      union all
      select o.workspace_id, o.currency, o.order_date, -guanxi_order_profit(o.status, o.kind, o.amount, o.cost)
      from old_rows o
    ) c
    group by c.workspace_id, c.currency, c.order_date
    having sum(c.profit) <> 0
    order by c.workspace_id, c.currency, c.order_date
  on conflict (workspace_id, currency, day, slot) do update set gross_profit = p.gross_profit + excluded.gross_profit;
  return null;
end $$;

create trigger sales_profit_on_insert after insert on sales_order
  referencing new table as new_rows for each statement execute function guanxi_sales_profit_on_insert();
create trigger sales_profit_on_update after update on sales_order
  referencing old table as old_rows new table as new_rows for each statement execute function guanxi_sales_profit_on_update();
create trigger sales_profit_on_delete after delete on sales_order
  referencing old table as old_rows for each statement execute function guanxi_sales_profit_on_delete();

insert into sales_profit_by_day (workspace_id, currency, day, slot, gross_profit)
  select workspace_id, currency, order_date, 0, sum(guanxi_order_profit(status, kind, amount, cost))
  from sales_order
  group by workspace_id, currency, order_date
  having sum(guanxi_order_profit(status, kind, amount, cost)) <> 0;

alter table sales_profit_by_day enable row level security;
alter table sales_profit_by_day force row level security;
create policy workspace_isolation on sales_profit_by_day
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());

-- The workspace's sums were what this index was for; lists by date use sales_order_recent.
drop index sales_order_by_date;
