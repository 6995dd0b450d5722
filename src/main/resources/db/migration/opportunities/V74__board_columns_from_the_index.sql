-- A board column is the first open deals of a stage that the viewer may see. For a manager, most deals of the stage
-- belong to other teams; with only the order in the index, every one of them was read from the table to learn its
-- owner and team (7,400 rows for a column at 400,000 open deals). With owner and team in the index, those are
-- skipped inside it (an index-only scan), and only the deals shown are read.
create index opportunity_open_by_stage_visible on opportunity (workspace_id, stage_id, expected_close_date, id)
  include (owner_id, team_id) where status = 'OPEN';
drop index opportunity_open_by_stage;
