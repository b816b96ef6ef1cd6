-- The header's count of red tasks not on the ledger (the to-do's "red tasks to supervise") for an office is a count over
-- the plans it governs. Joined to every task for its plan, the root office's count read the province's 100,000 tasks
-- on every page (~100 ms). The warning keeps its task's plan (a task never changes plan), and the red warnings by plan
-- are one index range, read without the tasks.
alter table task_warning add column plan_id bigint;
update task_warning w set plan_id = t.plan_id from task t where t.id = w.task_id;
alter table task_warning alter column plan_id set not null;
create index task_warning_red_plan_idx on task_warning (plan_id, task_id) where level = 'RED';
