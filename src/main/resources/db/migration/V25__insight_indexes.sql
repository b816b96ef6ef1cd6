-- The dashboard counts each figure over the tasks in scope (see plans.TaskFigure): the schedule and warning figures
-- are semi-joins on task_warning by status or level, which these indexes answer with an index-only scan of just the
-- matching rows instead of a scan of every task's row per figure.
create index task_warning_schedule_task_idx on task_warning (schedule_status, task_id);
create index task_warning_level_task_idx on task_warning (level, task_id);
-- the burn-up finds each closed task's last closing
create index task_history_closed_idx on task_history (task_id, occurred_at) where to_status = 'CLOSED';
