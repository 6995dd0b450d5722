-- The time zone a workspace keeps its business dates in (an order's date, the day a deal closed, this month of the
-- forecast) and shows times in: an IANA zone id, checked by the application (PostgreSQL cannot check one in a
-- constraint). Workspaces so far kept Beijing time, and new ones start with it.
alter table workspace add column time_zone text not null default 'Asia/Shanghai' check (time_zone <> '');
