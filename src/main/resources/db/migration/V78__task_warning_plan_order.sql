-- A dashboard figure's ledger in plan order (issue 14): the warnings of one level, and the tasks of one schedule
-- status, in their tasks' plan order (the plan and position each warning keeps, V44 and V77). A page walks the figure's
-- entries in that order until it has its rows in the caller's scope (each a probe of the scope's open tasks, V45) and
-- reads only those tasks' rows; a count reads the entries alone. Before, PostgreSQL walked every task in plan order and
-- probed its warning (the province's blue tasks at 1,000,000: 7,668 task rows read for 50), or read the row of each
-- task the figure named to test the scope (a city's yellow tasks: 22,116 rows for 1,091).
create index task_warning_level_plan_idx on task_warning (level, plan_id, task_position, task_id) where level <> 'NONE';
create index task_warning_schedule_plan_idx on task_warning (schedule_status, plan_id, task_position, task_id)
    where schedule_status in ('ON_SCHEDULE', 'BEHIND', 'OVERDUE');
