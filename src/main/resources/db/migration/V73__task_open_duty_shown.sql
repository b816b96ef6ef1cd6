-- What the due list shows of a task (ref, title, the text when the title is blank, status) kept beside its duty rows
-- (issue 14): a page of a county office's 200 duties probed task_pkey 200 times (4 buffers each) for them, half of its
-- statement's PostgreSQL CPU; read from the duty rows a page costs 29 buffers instead of 827. Kept by V52's triggers
-- (rows made from the derived view) and one more on task (rows updated in place): in the writing statement, so a
-- retitled task or a changed ref or status shows at once, whatever wrote it. A report's first submission on an
-- assigned task starts it: its duty rows (6 on average at 100k) are updated in place, not moved (the table leaves room
-- on its pages for the update to stay on the page).

-- The text a list shows in place of a blank title: the task's text when its title is null or only white space as Java
-- reads it (Character.isWhitespace: what String.isBlank and strip remove; TaskConditions.WHITESPACE, a test keeps the
-- two equal), else null. The excerpt of it is made in Java (TaskSummary.titleOrExcerpt: 40 UTF-16 units).
create function task_untitled_text(title text, text text) returns text language sql immutable parallel safe
return case when title is null
    or btrim(title, U&'\0009\000A\000B\000C\000D\001C\001D\001E\001F\0020\1680\2000\2001\2002\2003\2004\2005\2006\2008\2009\200A\2028\2029\205F\3000') = ''
    then text end;

-- the rows made again with the shown columns, in the key's order (a rewrite rather than an update of every row, which
-- would leave the table twice its size)
create table task_open_duty_shown (
    path          text   not null,
    role          text   not null check (role in ('LEAD', 'SUPPORTING')),
    plan_id       bigint not null,
    task_position int    not null,
    task_id       bigint not null,
    unit_position int    not null,
    unit_id       bigint not null,
    via_group_id  bigint,
    ref           text   not null,
    title         text,
    untitled_text text,  -- task_untitled_text(title, text)
    status        text   not null
) with (fillfactor = 90);
insert into task_open_duty_shown
select d.*, t.ref, t.title, task_untitled_text(t.title, t.text), t.status
from task_open_duty d join task t on t.id = d.task_id
order by d.path, d.role, d.plan_id, d.task_position, d.task_id, d.unit_position, d.unit_id;
drop table task_open_duty;
alter table task_open_duty_shown rename to task_open_duty;
alter table task_open_duty add primary key (path, role, plan_id, task_position, task_id, unit_position, unit_id)
    include (via_group_id);
create index task_open_duty_task_idx on task_open_duty (task_id);
analyze task_open_duty;

-- the derived rows with the same columns, in the table's order (V52's refresh inserts them as they are)
create or replace view task_open_duty_derived as
select p as path, tu.role, t.plan_id, t.position as task_position, t.id as task_id, tu.position as unit_position,
       tu.unit_id, tu.via_group_id, t.ref, t.title, task_untitled_text(t.title, t.text) as untitled_text, t.status
from task t
join task_unit tu on tu.task_id = t.id
join unit u on u.id = tu.unit_id
cross join lateral unnest('{/}' || unit_path_and_above(u.path)) p
where t.status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED');

-- these tasks' kept rows given what the task shows now, in place; the rows V52's refresh moves are made from the
-- derived view, so they are already current
create function task_open_duty_show(ids bigint[]) returns void language sql as $$
    update task_open_duty d set ref = t.ref, title = t.title, untitled_text = task_untitled_text(t.title, t.text),
                                status = t.status
    from task t
    where d.task_id = any(ids) and t.id = d.task_id
      and (d.ref, d.title, d.untitled_text, d.status)
          is distinct from (t.ref, t.title, task_untitled_text(t.title, t.text), t.status)
$$;
alter function task_open_duty_show(bigint[]) set plan_cache_mode = force_generic_plan;

-- after V52's trigger on the same statements (triggers fire in the order of their names), which moves the rows whose
-- key changed; most updates (a report's new version, a text under a title) change nothing shown either
create function task_open_duty_shown_trigger() returns trigger language plpgsql as $$
declare
    shown bigint[] := array(
        select n.id from changed_new n join changed_old o on o.id = n.id
        where (n.ref, n.title, task_untitled_text(n.title, n.text), n.status)
            is distinct from (o.ref, o.title, task_untitled_text(o.title, o.text), o.status));
begin
    if cardinality(shown) > 0 then
        perform task_open_duty_show(shown);
    end if;
    return null;
end $$;

create trigger task_open_duty_update_shown after update on task referencing old table as changed_old
    new table as changed_new for each statement execute function task_open_duty_shown_trigger();
