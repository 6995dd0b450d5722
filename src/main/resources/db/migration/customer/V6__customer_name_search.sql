-- Name search under row-level security. PostgreSQL does not use an index for operators that are not
-- leakproof (array containment, LIKE) on a table with a policy, so a name search would scan the whole
-- workspace. These functions find the matching ids through the indexes, explicitly within the workspace
-- the connection is set to (they cannot see any other), and the caller then reads those rows as usual,
-- under the policy.
create function guanxi_customer_ids_by_grams(p_grams text[], p_like text) returns setof uuid
  language sql stable security definer set search_path = public
  as $$
    select c.id from customer c
    where c.search_grams @> p_grams and c.search_name like p_like and c.workspace_id = guanxi_current_workspace()
  $$;

create function guanxi_customer_ids_by_latin(p_like text) returns setof uuid
  language sql stable security definer set search_path = public
  as $$
    select c.id from customer c
    where c.search_latin like p_like and c.workspace_id = guanxi_current_workspace()
  $$;
