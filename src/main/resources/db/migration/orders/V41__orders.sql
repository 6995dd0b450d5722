-- Sales orders and their lines. Totals (amount, cost) are kept on the order, computed from the lines when they
-- are written, so that revenue is a sum over orders only. The customer's name is the one the order was placed
-- under, as an order document shows it.
create table sales_order (
  workspace_id  uuid not null references workspace (id),
  id            uuid not null,
  number        text not null,
  customer_id   uuid not null,
  customer_name text not null,
  owner_id      uuid not null,
  status        text not null check (status in ('DRAFT', 'CONFIRMED', 'DELIVERED', 'PAID', 'CANCELLED', 'RETURNED')),
  order_date    date not null,
  delivered_on  date,
  paid_on       date,
  currency      char(3) not null default 'CNY',
  amount        numeric(19, 4) not null,
  cost          numeric(19, 4) not null,
  notes         text,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  version       bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  foreign key (workspace_id, owner_id) references app_user (workspace_id, id)
);
create unique index sales_order_number on sales_order (workspace_id, number);
create index sales_order_recent on sales_order (workspace_id, order_date desc, id desc);
-- a customer's orders, newest first, and the figures revenue adds up without reading the table
create index sales_order_by_customer on sales_order (workspace_id, customer_id, order_date desc, id desc)
  include (status, currency, amount, cost);

create table sales_order_line (
  workspace_id     uuid not null,
  order_id         uuid not null,
  position         int not null,
  product_id       uuid,
  description      text not null,
  quantity         numeric(19, 4) not null check (quantity > 0),
  unit_price       numeric(19, 4) not null check (unit_price >= 0),
  discount_percent numeric(7, 4) not null default 0 check (discount_percent between 0 and 100),
  unit_cost        numeric(19, 4) not null default 0 check (unit_cost >= 0),
  amount           numeric(19, 4) not null,
  cost             numeric(19, 4) not null,
  primary key (workspace_id, order_id, position),
  foreign key (workspace_id, order_id) references sales_order (workspace_id, id) on delete cascade,
  foreign key (workspace_id, product_id) references product (workspace_id, id)
);
create index sales_order_line_by_product on sales_order_line (workspace_id, product_id) where product_id is not null;

-- the last order number given out in each workspace
create table sales_order_counter (
  workspace_id uuid not null references workspace (id),
  last_number  bigint not null,
  primary key (workspace_id)
);

do $$
declare t text;
begin
  foreach t in array array['sales_order', 'sales_order_line', 'sales_order_counter'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
