-- An API call signs in with one query: the token's account as it is now (active, roles, teams), across
-- workspaces because no workspace is known yet. It replaces guanxi_find_token, which needed a second query
-- for the account. It also notes when the token was last used, at most once a minute so that busy clients
-- do not write on every call.
drop function guanxi_find_token(bytea);

create function guanxi_token_account(p_token_hash bytea)
  returns table (workspace_id uuid, id uuid, username text, display_name text, roles text[], team_id uuid,
                 locale text, team_ids uuid[])
  language plpgsql volatile security definer set search_path = public
  as $$
  declare
    v_token api_token%rowtype;
  begin
    select * into v_token from api_token t where t.token_hash = p_token_hash and t.revoked_at is null;
    if not found then
      return;
    end if;
    if v_token.last_used_at is null or v_token.last_used_at < now() - interval '1 minute' then
      update api_token t set last_used_at = now()
        where t.workspace_id = v_token.workspace_id and t.id = v_token.id;
    end if;
    return query
      with recursive teams(id) as (
        select u.team_id from app_user u
          where u.workspace_id = v_token.workspace_id and u.id = v_token.user_id and u.team_id is not null
        union
        select t.id from team t join teams on t.parent_id = teams.id where t.workspace_id = v_token.workspace_id
      )
      select u.workspace_id, u.id, u.username::text, u.display_name::text, u.roles, u.team_id, u.locale::text,
             array(select teams.id from teams)
      from app_user u
      where u.workspace_id = v_token.workspace_id and u.id = v_token.user_id and u.active;
  end
  $$;
