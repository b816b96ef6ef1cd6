-- The slow province lists read a page along an index in their own order instead of sorting every row of the caller's
-- scope on each page (issue 14).

-- The warnings desk, most urgent first: RED, YELLOW, BLUE (the expression WarningBoard orders by, written the same way),
-- then the longest-standing, then by plan; the rest of the order (the task's position in its plan, its id) is an
-- incremental sort within equal (level, since, plan) groups. Only tasks that warn: most of a province does not.
create index task_warning_desk_idx on task_warning
    ((case level when 'RED' then 0 when 'YELLOW' then 1 when 'BLUE' then 2 else 3 end), since, plan_id, task_id)
    where level <> 'NONE';

-- The notices, newest first (read backwards).
create index supervision_notice_issued_idx on supervision_notice (issued_at, id);

-- The closure desk, longest at its stage first.
create index closure_updated_idx on closure (updated_at, id);
