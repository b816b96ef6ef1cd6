-- The due list at the cost of a page (issue 14). TaskLedger.dutyPage numbered and counted every duty (task × unit,
-- lead or supporting) of the caller's unit subtree on open tasks to show one page: a county's 612 rows at 100,000
-- tasks, ten times as many at 1,000,000. This table keeps those duties as rows, one per path at or above the duty's
-- unit (and '/' for the administrator, whose list is every unit's), in the due list's order: a subtree's page is then a
-- range of the primary key read in order, and its totals come from the kept counts beside it.
-- "Open" is the due list's reporting statuses (ReportingCycles.REPORTING, V45's list). The rows follow their sources,
-- set-based per statement like V45: a trigger on task (status in or out of the open ones, plan, position, and the unit
-- reach, which V26 rewrites when a unit moves in the tree) and one on task_unit (units, roles, order, group).
create table task_open_duty (
    path          text   not null, -- '/' or a path at or above the unit's own
    role          text   not null check (role in ('LEAD', 'SUPPORTING')),
    plan_id       bigint not null,
    task_position int    not null,
    task_id       bigint not null,
    unit_position int    not null,
    unit_id       bigint not null,
    via_group_id  bigint
);

-- How many rows each path has per role and plan, kept with the rows: the due list's exact totals without counting a
-- province's duties. Rows that reach zero stay (a sum of them is still right).
create table task_open_duty_count (
    path    text   not null,
    role    text   not null check (role in ('LEAD', 'SUPPORTING')),
    plan_id bigint not null,
    duties  int    not null,
    primary key (path, role, plan_id)
);

-- the rows as the tasks, their units and the unit tree say they should be (what the kept ones are compared with)
create view task_open_duty_derived as
select p as path, tu.role, t.plan_id, t.position as task_position, t.id as task_id, tu.position as unit_position,
       tu.unit_id, tu.via_group_id
from task t
join task_unit tu on tu.task_id = t.id
join unit u on u.id = tu.unit_id
cross join lateral unnest('{/}' || unit_path_and_above(u.path)) p
where t.status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED');

-- these tasks' rows made what the derived ones say, moving only the rows that differ (most trigger calls move none:
-- V26's reach trigger and this one both follow a task_unit change), and the counts by as many
create function task_open_duty_refresh(ids bigint[]) returns void language plpgsql as $$
begin
    with gone as (
        delete from task_open_duty d
        where d.task_id = any(ids) and not exists (
            select from task_open_duty_derived w
            where w.task_id = d.task_id and w.path = d.path and w.role = d.role and w.unit_id = d.unit_id
              and w.plan_id = d.plan_id and w.task_position = d.task_position and w.unit_position = d.unit_position
              and w.via_group_id is not distinct from d.via_group_id)
        returning d.path, d.role, d.plan_id)
    insert into task_open_duty_count as c (path, role, plan_id, duties)
    select path, role, plan_id, -count(*) from gone group by 1, 2, 3 order by 1, 2, 3 -- one lock order for all writers
    on conflict (path, role, plan_id) do update set duties = c.duties + excluded.duties;

    with came as (
        insert into task_open_duty
        select w.* from task_open_duty_derived w
        where w.task_id = any(ids) and not exists (
            select from task_open_duty d
            where d.task_id = w.task_id and d.path = w.path and d.role = w.role and d.unit_id = w.unit_id
              and d.plan_id = w.plan_id and d.task_position = w.task_position and d.unit_position = w.unit_position
              and d.via_group_id is not distinct from w.via_group_id)
        returning path, role, plan_id)
    insert into task_open_duty_count as c (path, role, plan_id, duties)
    select path, role, plan_id, count(*) from came group by 1, 2, 3 order by 1, 2, 3
    on conflict (path, role, plan_id) do update set duties = c.duties + excluded.duties;
end $$;

create function task_open_duty_task_trigger() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform task_open_duty_refresh(array(select id from changed_new));
    elsif tg_op = 'DELETE' then
        perform task_open_duty_refresh(array(select id from changed_old));
    else
        -- most updates (a report's new version, a text, a move between open statuses) change no duty: no refresh
        perform task_open_duty_refresh(array(
            select n.id from changed_new n join changed_old o on o.id = n.id
            where (n.status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'),
                   n.plan_id, n.position, n.unit_reach)
                is distinct from (o.status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'),
                   o.plan_id, o.position, o.unit_reach)));
    end if;
    return null;
end $$;

create function task_open_duty_unit_trigger() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform task_open_duty_refresh(array(select distinct task_id from changed_new));
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        perform task_open_duty_refresh(array(select distinct task_id from changed_old));
    end if;
    return null;
end $$;

-- today's duties in the key's order, then the indexes and the counts
insert into task_open_duty
select * from task_open_duty_derived order by path, role, plan_id, task_position, task_id, unit_position, unit_id;
-- a subtree's page of one role (of one plan or all) in the due list's order: plan, task position, task, unit position,
-- unit; the group read from the index too
alter table task_open_duty add primary key (path, role, plan_id, task_position, task_id, unit_position, unit_id)
    include (via_group_id);
create index task_open_duty_task_idx on task_open_duty (task_id);
insert into task_open_duty_count
select path, role, plan_id, count(*) from task_open_duty group by 1, 2, 3 order by 1, 2, 3;
analyze task_open_duty;
analyze task_open_duty_count;

create trigger task_open_duty_insert after insert on task referencing new table as changed_new
    for each statement execute function task_open_duty_task_trigger();
create trigger task_open_duty_update after update on task referencing old table as changed_old new table as changed_new
    for each statement execute function task_open_duty_task_trigger();
create trigger task_open_duty_delete after delete on task referencing old table as changed_old
    for each statement execute function task_open_duty_task_trigger();
create trigger task_open_duty_unit_insert after insert on task_unit referencing new table as changed_new
    for each statement execute function task_open_duty_unit_trigger();
create trigger task_open_duty_unit_update after update on task_unit referencing old table as changed_old
    new table as changed_new for each statement execute function task_open_duty_unit_trigger();
create trigger task_open_duty_unit_delete after delete on task_unit referencing old table as changed_old
    for each statement execute function task_open_duty_unit_trigger();
