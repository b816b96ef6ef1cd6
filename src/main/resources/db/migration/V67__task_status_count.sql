-- How many tasks of each status a scope sees, kept (issue 14: "cost does not grow"). The root office's ledger total
-- and its counts by status (GET /api/tasks/count) counted the whole task heap (17,000 buffers at 100,000 tasks, ten
-- times that at 1,000,000) once per 30 s and again after any task changed on the node. Here a task is counted once
-- under each scope that sees it, the way DataScope reads the reach arrays (V26):
--   ('/',  'OFFICE')  every task: the administrator (DataScope.ALL)
--   (p,    'OFFICE')  each path p of its office reach: an office, supervisor or leader at p (ownPlans)
--   (p,    'UNIT')    each path p of its unit reach: unit staff and heads at p
-- so a scope's total for some statuses is a sum of at most eight rows. The counts follow the task row in the
-- statement that changes it (a trigger, set-based per statement like V45 and V52: the app's commands, V26's reach
-- rewrites after a unit moves or a plan changes hands, the generator's inserts), exact, in the writer's transaction.
-- Rows that reach zero stay (a sum of them is still right).
create table task_status_count (
    path   text not null,
    reach  text not null check (reach in ('OFFICE', 'UNIT')),
    status text not null,
    tasks  int  not null,
    primary key (path, reach, status)
);

-- the scopes that see a task with these reach arrays (each once: a reach array may name a path twice)
create function task_status_scopes(office_reach text[], unit_reach text[]) returns table (path text, reach text)
    language sql immutable parallel safe as $$
    select '/', 'OFFICE'
    union select p, 'OFFICE' from unnest(office_reach) p
    union select p, 'UNIT' from unnest(unit_reach) p
$$;

-- the counts as the tasks say they should be (what the kept ones are compared with, and rebuilt from)
create view task_status_count_derived as
select s.path, s.reach, t.status, count(*)::int as tasks
from task t cross join lateral task_status_scopes(t.office_reach, t.unit_reach) s
group by 1, 2, 3;

-- every count afresh: writers wait meanwhile (the lock) and then add their changes to it; readers read the old counts
-- until it commits (TaskStatusCounts runs it at start-up when the counts disagree with the tasks; an operator may too)
create function task_status_count_rebuild() returns void language plpgsql as $$
begin
    lock table task_status_count in exclusive mode;
    delete from task_status_count;
    insert into task_status_count select * from task_status_count_derived order by 1, 2, 3;
end $$;

create function task_status_count_trigger() returns trigger language plpgsql as $$
begin
    -- each statement's changes summed per row first, then added in one order for all writers (no deadlock between two)
    if tg_op = 'INSERT' then
        insert into task_status_count as c (path, reach, status, tasks)
        select s.path, s.reach, n.status, count(*)
        from changed_new n cross join lateral task_status_scopes(n.office_reach, n.unit_reach) s
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (path, reach, status) do update set tasks = c.tasks + excluded.tasks;
    elsif tg_op = 'DELETE' then
        insert into task_status_count as c (path, reach, status, tasks)
        select s.path, s.reach, o.status, -count(*)
        from changed_old o cross join lateral task_status_scopes(o.office_reach, o.unit_reach) s
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (path, reach, status) do update set tasks = c.tasks + excluded.tasks;
    else
        -- most updates (a report's new version, a text, a deadline) leave status and reach alone: nothing to add
        insert into task_status_count as c (path, reach, status, tasks)
        select s.path, s.reach, m.status, sum(m.sign)
        from (select n.status, n.office_reach, n.unit_reach, 1 as sign
              from changed_new n join changed_old o on o.id = n.id
              where (n.status, n.office_reach, n.unit_reach) is distinct from (o.status, o.office_reach, o.unit_reach)
              union all
              select o.status, o.office_reach, o.unit_reach, -1
              from changed_new n join changed_old o on o.id = n.id
              where (n.status, n.office_reach, n.unit_reach) is distinct from (o.status, o.office_reach, o.unit_reach)) m
        cross join lateral task_status_scopes(m.office_reach, m.unit_reach) s
        group by 1, 2, 3 having sum(m.sign) <> 0 order by 1, 2, 3
        on conflict (path, reach, status) do update set tasks = c.tasks + excluded.tasks;
    end if;
    return null;
end $$;

insert into task_status_count select * from task_status_count_derived order by 1, 2, 3;
analyze task_status_count;

create trigger task_status_count_insert after insert on task referencing new table as changed_new
    for each statement execute function task_status_count_trigger();
create trigger task_status_count_update after update on task referencing old table as changed_old new table as changed_new
    for each statement execute function task_status_count_trigger();
create trigger task_status_count_delete after delete on task referencing old table as changed_old
    for each statement execute function task_status_count_trigger();
