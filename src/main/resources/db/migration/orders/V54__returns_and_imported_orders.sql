-- Orders that come from other systems. A return (a cancellation invoice, a credit note) is a document of its own,
-- kind RETURN, always RETURNED: its lines are the goods taken back, with positive quantities, and revenue subtracts
-- it. (An order of kind SALE that is returned as a whole keeps counting nothing, as before.) An imported order
-- remembers its import and the country it went to.
alter table sales_order
  add column kind      text not null default 'SALE' check (kind in ('SALE', 'RETURN')),
  add column country   text check (length(country) <= 100),
  add column import_id uuid,
  add constraint sales_order_return_is_returned check (kind = 'SALE' or status = 'RETURNED');

-- Revenue reads the kind too, from the indexes alone.
drop index sales_order_by_customer;
create index sales_order_by_customer on sales_order (workspace_id, customer_id, order_date desc, id desc)
  include (status, kind, currency, amount, cost);
drop index sales_order_by_date;
create index sales_order_by_date on sales_order (workspace_id, order_date) include (status, kind, currency, amount, cost);

-- An import's orders by customer: once its lines are in, the import tells each customer's record of its purchases.
create index sales_order_by_import on sales_order (workspace_id, import_id, customer_id)
  include (kind, order_date) where import_id is not null;

-- Product codes whatever their case, through an index that serves under row-level security: lower() is not
-- leakproof, so PostgreSQL would not use the index on lower(code) for a policy-bound query; text equality is.
alter table product add column code_key text generated always as (lower(code)) stored;
create index product_by_code_key on product (workspace_id, code_key);
