-- The dashboard's counts kept per item too (issue 13): a filter on an item below the top level of a plan (二(三), or the
-- sub-item 六1 of a section without items) was counted live, each statement scanning the tasks (by an item of every
-- plan of the province 5.5 s). Each task is counted under its item as well as its top-level section: the item is the
-- reference up to its first closing bracket (二(三)1 -> 二(三)) or up to the first digit after the section (六12 -> 六1),
-- '' when none (TaskTally.item), so a filter naming an item is a sum over the rows of one key, as a section's is.
alter table insight_task add column item text not null default '';

alter table insight_count add column item text not null default '';
alter table insight_count drop constraint insight_count_pkey;
alter table insight_count add primary key (scope_key, plan_id, section, item, status, schedule, level);

alter table insight_month add column item text not null default '';
alter table insight_month drop constraint insight_month_pkey;
alter table insight_month add primary key (scope_key, plan_id, section, item, month);

alter table insight_deadline add column item text not null default '';
alter table insight_deadline drop constraint insight_deadline_pkey;
alter table insight_deadline add primary key (scope_key, plan_id, section, item, deadline);

alter table insight_week add column item text not null default '';
alter table insight_week drop constraint insight_week_pkey;
alter table insight_week add primary key (scope_key, plan_id, section, item, week);

-- counted again at start (KeptCounts.stale: no task counted): the rows above have no item yet
truncate insight_task, insight_count, insight_month, insight_deadline, insight_week;

-- The version of the dashboard's facts: moved right after the commit of every change the dashboard reads (a task, its
-- warning, a report, a cadence, a plan's owner, the unit tree), so a dashboard computed once for a scope and filter is
-- served again until the version moves (KeptDashboards). A sequence, not a row: a row updated by every write would be
-- locked through each commit and its fsync, one writer at a time (as the audit chain's lock was, V41).
create sequence insight_version;
