-- Open tasks of a subtree in deadline order at province scale (issue 14). The scope and the lead-unit filter test the
-- task's reach arrays (V26, V34) with GIN indexes, which cannot give rows in deadline order: inside a subtree
-- PostgreSQL collected every matching task and sorted it, so a county office's open list and a city's overdue list
-- read more rows as the province grew. This table holds the same reach as rows, for open tasks only: one row per path
-- of the task's office reach (which holds its unit reach, which holds its lead reach), saying whether the path is also
-- in the unit and the lead reach, with the task's deadline; a B-tree per reach on (path, deadline, task_id) then yields
-- a subtree's open tasks already in the ledger's order (deadline, then id), and a page reads its 50 rows.
-- "Open" is the ledger's open statuses (V40's list, no drafts). The rows follow the task row: a trigger on task keeps
-- them whatever changes the status, the deadline or a reach (V26's triggers rewrite the reach when task units, a
-- plan's owner or the unit tree change), set-based per statement like V26's.
create table task_open_reach (
    path          text   not null,
    task_id       bigint not null,
    deadline      date,
    in_unit_reach boolean not null, -- the path is also in task.unit_reach (unit staff and heads see the task)
    in_lead_reach boolean not null, -- and in task.lead_reach (the task is led from the path's subtree)
    primary key (task_id, path)
);

-- a task's rows: each distinct path of its office reach, while it is open
create function task_open_reach_rows(id bigint, status text, deadline date, office_reach text[], unit_reach text[],
                                     lead_reach text[]) returns setof task_open_reach
    language sql immutable parallel safe as $$
    select p, id, deadline, p = any(unit_reach), p = any(lead_reach)
    from (select distinct p from unnest(office_reach) p) paths
    where status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED')
$$;

create function task_open_reach_trigger() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into task_open_reach
        select r.* from changed_new n,
             task_open_reach_rows(n.id, n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach) r;
    elsif tg_op = 'DELETE' then
        delete from task_open_reach r using changed_old o where r.task_id = o.id;
    else
        -- an update that leaves status, deadline and reach alone (most: a new version, a text, a responsible person)
        -- moves no row
        delete from task_open_reach r using changed_old o join changed_new n on n.id = o.id
        where r.task_id = o.id and (n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach)
            is distinct from (o.status, o.deadline, o.office_reach, o.unit_reach, o.lead_reach);
        insert into task_open_reach
        select r.* from changed_new n join changed_old o on o.id = n.id,
             task_open_reach_rows(n.id, n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach) r
        where (n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach)
            is distinct from (o.status, o.deadline, o.office_reach, o.unit_reach, o.lead_reach);
    end if;
    return null;
end $$;

-- the open tasks of today, in the indexes' order (so the rows of one path lie together), then the indexes
insert into task_open_reach
select r.* from task t, task_open_reach_rows(t.id, t.status, t.deadline, t.office_reach, t.unit_reach, t.lead_reach) r
order by 1, 3, 2;
create index task_open_reach_office_idx on task_open_reach (path, deadline, task_id);
create index task_open_reach_unit_idx on task_open_reach (path, deadline, task_id) where in_unit_reach;
create index task_open_reach_lead_idx on task_open_reach (path, deadline, task_id) where in_lead_reach;
analyze task_open_reach;

create trigger task_open_reach_insert after insert on task referencing new table as changed_new
    for each statement execute function task_open_reach_trigger();
create trigger task_open_reach_update after update on task referencing old table as changed_old new table as changed_new
    for each statement execute function task_open_reach_trigger();
create trigger task_open_reach_delete after delete on task referencing old table as changed_old
    for each statement execute function task_open_reach_trigger();
