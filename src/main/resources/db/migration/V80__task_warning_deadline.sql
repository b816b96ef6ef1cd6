-- A dashboard figure's ledger by deadline (issue 14): the warning keeps its task's deadline as assessed, beside its plan
-- and position (V44, V77). A task's deadline changes only by an edit, which has the task reassessed (and the nightly
-- pass sees every task), so the copy follows it as the warning itself does. A page by deadline then walks the figure's
-- entries in deadline order, as a page in plan order walks V78's. Before, PostgreSQL walked every task by deadline
-- and probed its warning: the province's tasks behind schedule at 100,000 tasks passed 40,135 tasks for 50 (167 ms),
-- the tasks behind schedule coming after the overdue and the closed ones.
alter table task_warning add column task_deadline date;
update task_warning w set task_deadline = t.deadline from task t where t.id = w.task_id and t.deadline is not null;
create index task_warning_level_deadline_idx on task_warning (level, task_deadline, task_id) where level <> 'NONE';
create index task_warning_schedule_deadline_idx on task_warning (schedule_status, task_deadline, task_id)
    where schedule_status in ('ON_SCHEDULE', 'BEHIND', 'OVERDUE');
