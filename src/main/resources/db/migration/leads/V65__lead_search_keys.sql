-- Leads are found as customers are: any part of a Chinese or English name or company, simplified or traditional
-- characters, pinyin in full or by initials. The keys are those of the customer search (NameSearchKeys) and are
-- computed by the application; leads stored before this migration get theirs from LeadSearchKeysBackfill when the
-- application starts, until then they are found by phone and e-mail only.
alter table sales_lead
  add column search_name  text,
  add column search_latin text,
  add column search_grams text[];
alter table sales_lead drop column search_text;

create index sales_lead_grams on sales_lead using gin (search_grams) with (fastupdate = off);
create index sales_lead_latin on sales_lead using gin (search_latin gin_trgm_ops) with (fastupdate = off);
create index sales_lead_unkeyed on sales_lead (workspace_id) where search_name is null;

-- Under row-level security PostgreSQL uses no index for @> or LIKE (they are not leakproof), so, as for customers
-- (V6, V32), the matching ids are found by functions that filter on the connection's workspace themselves; the
-- caller then reads those rows under the policy and its own visibility rule. The grams decide which rows to read,
-- the LIKE only confirms that a Chinese fragment is contiguous.
create function guanxi_lead_ids_by_grams(p_grams text[], p_like text) returns setof uuid
  language sql stable security definer set search_path = public
  as $$
    with by_grams as materialized (
      select l.id, l.search_name from sales_lead l
      where l.search_grams @> p_grams and l.workspace_id = guanxi_current_workspace()
    )
    select by_grams.id from by_grams where by_grams.search_name like p_like
  $$;

create function guanxi_lead_ids_by_latin(p_like text) returns setof uuid
  language sql stable security definer set search_path = public
  as $$
    select l.id from sales_lead l
    where l.search_latin like p_like and l.workspace_id = guanxi_current_workspace()
  $$;

-- The workspaces that still have leads without search keys, for the backfill (no workspace is known at start-up).
create function guanxi_workspaces_with_unkeyed_leads() returns setof uuid
  language sql stable security definer set search_path = public
  as $$ select distinct l.workspace_id from sales_lead l where l.search_name is null $$;
