-- A customer's key in another system (an ERP's customer number, a shop's customer id), by which imported orders
-- find their customer. Unique in a workspace among the customers that are not deleted; a deleted customer's key
-- may be given to another. Compared exactly (texteq is leakproof, so the index serves look-ups under row-level
-- security).
alter table customer add column external_key text check (external_key <> '' and length(external_key) <= 200);
create unique index customer_external_key on customer (workspace_id, external_key)
  where deleted_at is null and external_key is not null;
