-- How many tasks of each plan a scope sees, kept like V67's counts by status (issue 14: "cost does not grow"). The
-- plans a scope sees (Plans.visibleTo: the filters and plan lists of the ledger, insight, circulars, intake) were found
-- by asking, plan by plan, whether one of its tasks is in the scope: a city office at 1,000,000 tasks read the ~47,000
-- tasks of each plan it does not see (909,000 buffers, 1.5-3 s on every page with a plan filter). Here each task is
-- counted once per plan under each scope that sees it (task_status_scopes, V67), so the plans a scope sees are the few
-- rows of its path. The counts follow the task row in the statement that changes it (a trigger per statement, as V67),
-- exact, in the writer's transaction; rows that reach zero stay (tasks > 0 is what says "sees").
create table task_plan_count (
    path    text   not null,
    reach   text   not null check (reach in ('OFFICE', 'UNIT')),
    plan_id bigint not null,
    tasks   int    not null,
    primary key (path, reach, plan_id)
);

create view task_plan_count_derived as
select s.path, s.reach, t.plan_id, count(*)::int as tasks
from task t cross join lateral task_status_scopes(t.office_reach, t.unit_reach) s
group by 1, 2, 3;

-- every count afresh (TaskStatusCounts runs it at start-up with V67's when the kept counts disagree with the tasks)
create function task_plan_count_rebuild() returns void language plpgsql as $$
begin
    lock table task_plan_count in exclusive mode;
    delete from task_plan_count;
    insert into task_plan_count select * from task_plan_count_derived order by 1, 2, 3;
end $$;

create function task_plan_count_trigger() returns trigger language plpgsql as $$
begin
    -- each statement's changes summed per row first, then added in one order for all writers (no deadlock between two)
    if tg_op = 'INSERT' then
        insert into task_plan_count as c (path, reach, plan_id, tasks)
        select s.path, s.reach, n.plan_id, count(*)
        from changed_new n cross join lateral task_status_scopes(n.office_reach, n.unit_reach) s
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (path, reach, plan_id) do update set tasks = c.tasks + excluded.tasks;
    elsif tg_op = 'DELETE' then
        insert into task_plan_count as c (path, reach, plan_id, tasks)
        select s.path, s.reach, o.plan_id, -count(*)
        from changed_old o cross join lateral task_status_scopes(o.office_reach, o.unit_reach) s
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (path, reach, plan_id) do update set tasks = c.tasks + excluded.tasks;
    else
        -- a task's plan never changes in the app, its reach only when its units, their place or the plan's owner do
        insert into task_plan_count as c (path, reach, plan_id, tasks)
        select s.path, s.reach, m.plan_id, sum(m.sign)
        from (select n.plan_id, n.office_reach, n.unit_reach, 1 as sign
              from changed_new n join changed_old o on o.id = n.id
              where (n.plan_id, n.office_reach, n.unit_reach) is distinct from (o.plan_id, o.office_reach, o.unit_reach)
              union all
              select o.plan_id, o.office_reach, o.unit_reach, -1
              from changed_new n join changed_old o on o.id = n.id
              where (n.plan_id, n.office_reach, n.unit_reach) is distinct from (o.plan_id, o.office_reach, o.unit_reach)) m
        cross join lateral task_status_scopes(m.office_reach, m.unit_reach) s
        group by 1, 2, 3 having sum(m.sign) <> 0 order by 1, 2, 3
        on conflict (path, reach, plan_id) do update set tasks = c.tasks + excluded.tasks;
    end if;
    return null;
end $$;

insert into task_plan_count select * from task_plan_count_derived order by 1, 2, 3;
analyze task_plan_count;

create trigger task_plan_count_insert after insert on task referencing new table as changed_new
    for each statement execute function task_plan_count_trigger();
create trigger task_plan_count_update after update on task referencing old table as changed_old new table as changed_new
    for each statement execute function task_plan_count_trigger();
create trigger task_plan_count_delete after delete on task referencing old table as changed_old
    for each statement execute function task_plan_count_trigger();
