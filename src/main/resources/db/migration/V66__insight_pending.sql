-- The dashboard's kept counts applied after the command, not in it (issue 14, Q4): a command writes what it changed
-- here, in its own transaction (it commits with the command or not at all), and the node's applier takes the rows in
-- batches, applies them to the kept counts and deletes them in one transaction of its own (applied exactly once), so
-- a report's submission no longer locks, counts and upserts the kept rows on its request. unit_id null: the task is
-- counted anew (KeptCounts.refresh); else a lead unit's report on the task for a cycle counted as submitted, on time
-- or late (KeptCounts.addReported).
create table insight_pending (
    id       bigint generated always as identity primary key,
    task_id  bigint  not null,
    unit_id  bigint,
    cycle_id bigint,
    late     boolean
);
