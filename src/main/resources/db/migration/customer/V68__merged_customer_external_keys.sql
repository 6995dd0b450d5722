-- A customer merged into another keeps its external key when the survivor has one of its own, and imports that look
-- customers up by that key find the survivor through it. Only these merged customers are indexed by key (the unique
-- index of V53 holds the customers that are not deleted); texteq is leakproof, so the index serves look-ups under
-- row-level security.
create index customer_merged_external_key on customer (workspace_id, external_key)
  where merged_into is not null and external_key is not null;
