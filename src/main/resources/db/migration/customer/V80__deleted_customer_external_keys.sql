-- The search box finds a customer by its exact external key (17850, ERP-001), in the list through the unique index
-- of V53 and in the recycle bin through this one: deleted customers' keys, which need not be unique (a deleted
-- customer's key may have been given to another). texteq is leakproof, so the index serves under row-level security.
create index customer_deleted_external_key on customer (workspace_id, external_key)
  where deleted_at is not null and external_key is not null;
