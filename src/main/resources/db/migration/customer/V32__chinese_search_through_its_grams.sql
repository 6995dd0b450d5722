-- Since V30 indexed search_name by trigrams for duplicate detection, the generic plan of this function chose
-- that index for "search_name like $2": a two-character Chinese fragment has no trigram, so at 1,000,000
-- customers it read the whole index (about 370 ms) instead of the 84 rows its gram finds. The grams decide
-- which rows to read; the LIKE only confirms the fragment is contiguous.
create or replace function guanxi_customer_ids_by_grams(p_grams text[], p_like text) returns setof uuid
  language sql stable security definer set search_path = public
  as $$
    with by_grams as materialized (
      select c.id, c.search_name from customer c
      where c.search_grams @> p_grams and c.workspace_id = guanxi_current_workspace()
    )
    select by_grams.id from by_grams where by_grams.search_name like p_like
  $$;
