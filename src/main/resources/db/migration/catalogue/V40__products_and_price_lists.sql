-- The product catalogue of the sales module: categories, products with their list price and unit cost,
-- and price lists that give a customer group (a classification or a customer tag) its own prices.
create table product_category (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  name         text not null,
  parent_id    uuid,
  created_at   timestamptz not null,
  version      bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, parent_id) references product_category (workspace_id, id)
);

create table product (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  code         text not null,
  name         text not null,
  category_id  uuid,
  unit         text not null,
  list_price   numeric(19, 4) not null check (list_price >= 0),
  unit_cost    numeric(19, 4) not null check (unit_cost >= 0),
  currency     char(3) not null default 'CNY',
  active       boolean not null default true,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  version      bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, category_id) references product_category (workspace_id, id)
);
-- codes are unique per workspace whatever their case; the list pages by code
create unique index product_code on product (workspace_id, lower(code));
create index product_by_code on product (workspace_id, code, id);

create table price_list (
  workspace_id   uuid not null references workspace (id),
  id             uuid not null,
  name           text not null,
  -- a classification (KEY_ACCOUNT, ORDINARY) or a customer tag
  customer_group text not null,
  currency       char(3) not null default 'CNY',
  created_at     timestamptz not null,
  version        bigint not null default 0,
  primary key (workspace_id, id)
);
create index price_list_by_group on price_list (workspace_id, customer_group);

create table price_list_price (
  workspace_id  uuid not null,
  price_list_id uuid not null,
  product_id    uuid not null,
  price         numeric(19, 4) not null check (price >= 0),
  primary key (workspace_id, price_list_id, product_id),
  foreign key (workspace_id, price_list_id) references price_list (workspace_id, id) on delete cascade,
  foreign key (workspace_id, product_id) references product (workspace_id, id)
);
create index price_list_price_by_product on price_list_price (workspace_id, product_id);

do $$
declare t text;
begin
  foreach t in array array['product_category', 'product', 'price_list', 'price_list_price'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
