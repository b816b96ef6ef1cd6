-- Views the plans module publishes as its API (jOOQ generates them into org.rectify.plans.api). Closure, progress and
-- supervision join these, never plans' tables: a task's facts and its kept reach (the scope filters of
-- plans.TaskConditions render on plans_task as on task), the units it names and their roles, its milestones' dates
-- and its status history. Only the columns consumers read. Plain views over one table each: PostgreSQL inlines them,
-- the plans stay the same (bench/results/2026-12-03-plans-views-explain.txt).

-- A task: where it stands and who reaches it (unit_reach, office_reach, lead_reach: the paths at and above its units,
-- its plan's owner, its lead units; kept by task_reach_refresh, V26/V34).
create view plans_task as
select id, plan_id, ref, position, title, text, status, deadline, unit_reach, office_reach, lead_reach
from task;

-- The units a task names: role LEAD (牵头) or SUPPORTING (配合), in the plan's order.
create view plans_task_unit as
select task_id, unit_id, role, position
from task_unit;

-- The dates of a task's milestones.
create view plans_milestone as
select task_id, due_on
from milestone;

-- A task's status changes; relapse: a closed task reopened (反弹).
create view plans_task_history as
select id, task_id, occurred_at, to_status, relapse, reason
from task_history;
