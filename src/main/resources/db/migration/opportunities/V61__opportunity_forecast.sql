-- The forecast reads sums, never the deals themselves, so that it stays as fast with a million deals as with a
-- hundred. opportunity_forecast holds, per pipeline, stage, month, owner, team, currency and status, how many deals
-- there are, their amount, their weighted amount (amount × probability) and, for closed ones, the days they took.
-- The month is the expected close date's for open deals and the closing day's for won and lost ones.
-- A trigger keeps it in step with every insert, update and delete of opportunity, in the same transaction.
create table opportunity_forecast (
  workspace_id uuid not null references workspace (id),
  pipeline_id  uuid not null,
  stage_id     uuid not null,
  month        date not null,
  owner_id     uuid not null,
  team_id      uuid,
  currency     char(3) not null,
  status       text not null,
  deals        bigint not null,
  amount       numeric not null,
  weighted     numeric not null,
  cycle_days   bigint not null
);
create unique index opportunity_forecast_cell on opportunity_forecast
  (workspace_id, pipeline_id, stage_id, month, owner_id, team_id, currency, status) nulls not distinct;
create index opportunity_forecast_by_month on opportunity_forecast (workspace_id, month);

-- Adds a statement's rows to their cells (sign 1) or takes them away (sign -1). Each cell appears once in the
-- grouped rows, so one upsert settles the statement.
create function guanxi_opportunity_forecast() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into opportunity_forecast as f
      select workspace_id, pipeline_id, stage_id, date_trunc('month', coalesce(closed_on, expected_close_date))::date,
             owner_id, team_id, currency, status, count(*), sum(amount), sum(amount * probability / 100),
             coalesce(sum(cycle_days), 0)
      from new_rows group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (workspace_id, pipeline_id, stage_id, month, owner_id, team_id, currency, status) do update
      set deals = f.deals + excluded.deals, amount = f.amount + excluded.amount,
          weighted = f.weighted + excluded.weighted, cycle_days = f.cycle_days + excluded.cycle_days;
  elsif tg_op = 'DELETE' then
    insert into opportunity_forecast as f
      select workspace_id, pipeline_id, stage_id, date_trunc('month', coalesce(closed_on, expected_close_date))::date,
             owner_id, team_id, currency, status, -count(*), -sum(amount), -sum(amount * probability / 100),
             -coalesce(sum(cycle_days), 0)
      from old_rows group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (workspace_id, pipeline_id, stage_id, month, owner_id, team_id, currency, status) do update
      set deals = f.deals + excluded.deals, amount = f.amount + excluded.amount,
          weighted = f.weighted + excluded.weighted, cycle_days = f.cycle_days + excluded.cycle_days;
  else
    -- only rows whose cell or figures changed: an edit of the next step leaves the forecast alone
    insert into opportunity_forecast as f
      select c.workspace_id, c.pipeline_id, c.stage_id, date_trunc('month', coalesce(c.closed_on, c.expected_close_date))::date,
             c.owner_id, c.team_id, c.currency, c.status, sum(c.sign), sum(c.sign * c.amount),
             sum(c.sign * c.amount * c.probability / 100), sum(c.sign * coalesce(c.cycle_days, 0))
      from (
        select -1 as sign, o.* from old_rows o join new_rows n on n.workspace_id = o.workspace_id and n.id = o.id
        where (o.pipeline_id, o.stage_id, o.expected_close_date, o.closed_on, o.owner_id, o.team_id, o.currency,
               o.status, o.amount, o.probability, o.cycle_days)
          is distinct from (n.pipeline_id, n.stage_id, n.expected_close_date, n.closed_on, n.owner_id, n.team_id,
               n.currency, n.status, n.amount, n.probability, n.cycle_days)
        union all
        select 1 as sign, n.* from new_rows n join old_rows o on o.workspace_id = n.workspace_id and o.id = n.id
        where (o.pipeline_id, o.stage_id, o.expected_close_date, o.closed_on, o.owner_id, o.team_id, o.currency,
               o.status, o.amount, o.probability, o.cycle_days)
          is distinct from (n.pipeline_id, n.stage_id, n.expected_close_date, n.closed_on, n.owner_id, n.team_id,
               n.currency, n.status, n.amount, n.probability, n.cycle_days)
      ) c
      group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (workspace_id, pipeline_id, stage_id, month, owner_id, team_id, currency, status) do update
      set deals = f.deals + excluded.deals, amount = f.amount + excluded.amount,
          weighted = f.weighted + excluded.weighted, cycle_days = f.cycle_days + excluded.cycle_days;
  end if;
  return null;
end $$;

create trigger opportunity_forecast_on_insert after insert on opportunity
  referencing new table as new_rows for each statement execute function guanxi_opportunity_forecast();
create trigger opportunity_forecast_on_update after update on opportunity
  referencing old table as old_rows new table as new_rows for each statement execute function guanxi_opportunity_forecast();
create trigger opportunity_forecast_on_delete after delete on opportunity
  referencing old table as old_rows for each statement execute function guanxi_opportunity_forecast();

-- Win rate and time per stage: for every deal that was closed, each stage it went through counts once as
-- reached (and as won when the deal was won), and its days there add up. Per pipeline, stage, closing month,
-- owner and team. Written by the application when a deal is won or lost, taken back when it is reopened.
create table opportunity_stage_outcome (
  workspace_id uuid not null references workspace (id),
  pipeline_id  uuid not null,
  stage_id     uuid not null,
  month        date not null,
  owner_id     uuid not null,
  team_id      uuid,
  reached      bigint not null,
  won          bigint not null,
  visits       bigint not null,
  days         numeric not null
);
create unique index opportunity_stage_outcome_cell on opportunity_stage_outcome
  (workspace_id, pipeline_id, stage_id, month, owner_id, team_id) nulls not distinct;
create index opportunity_stage_outcome_by_month on opportunity_stage_outcome (workspace_id, month);

do $$
declare t text;
begin
  foreach t in array array['opportunity_forecast', 'opportunity_stage_outcome'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
