-- The due list in one pass (issue 14): TaskLedger.dutyPage numbers a unit subtree's duties on open tasks in plan order
-- from these two indexes alone. The subtree's task units came from a bitmap heap scan (a county's 612 rows on 584 heap
-- pages) and each task's plan, position and status from its heap row. Both now come from the index (index-only scans):
-- task_unit_unit_idx keeps its key, so what used it still does, and carries a duty's other columns.
drop index task_unit_unit_idx;
create index task_unit_unit_idx on task_unit (unit_id, task_id) include (role, position, via_group_id);
create index task_duty_order_idx on task (id) include (plan_id, position, status);
