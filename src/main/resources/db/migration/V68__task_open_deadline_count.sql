-- How many open tasks a subtree has by deadline, kept (issue 14: "cost does not grow with the data"). A ledger page of
-- open tasks in a subtree with a deadline range (Q2: a city's open tasks due before today) counted its total in its own
-- statement, up to 2,001 rows of V45's open reach (1,290 index rows read per page for a city at 100,000 tasks), and a
-- city's total over 2,000 in full once per 30 s and after any task changed on the node (6,988 rows at 1,000,000).
-- Here the rows of task_open_reach (V45: one per path of an open task's office reach) are counted per path, per reach
-- they belong to (OFFICE: every row; UNIT: in_unit_reach; LEAD: in_lead_reach, as OpenReachRange reads them) and per
-- deadline bucket at three grains: the day ('D'), its month ('M', the month's first day) and its year ('Y', the year's
-- first day); an open task without a deadline is one row of grain 'N' (bucket 'infinity'). Any deadline range is then a
-- sum of at most 31 + 11 + the years + 11 + 31 rows (OpenDeadlineCounts), whatever the number of tasks: "due before
-- today" needs no work at midnight, it is tomorrow's sum of the same rows. Kept like V67's counts, by a trigger on task
-- in the statement that changes it (set-based: the app's commands, V26's reach rewrites, the generator, SQL by hand),
-- from the same rows V45 derives (task_open_reach_rows), so the counts and the open reach cannot disagree.
create table task_open_deadline_count (
    path   text not null,
    reach  text not null check (reach in ('OFFICE', 'UNIT', 'LEAD')),
    grain  text not null check (grain in ('Y', 'M', 'D', 'N')),
    bucket date not null,
    tasks  int  not null,
    primary key (path, reach, grain, bucket)
);

-- the buckets one row of task_open_reach is counted in (date arithmetic only: immutable, unlike date_trunc on a date)
create function task_open_deadline_buckets(row_path text, unit_reach boolean, lead_reach boolean, deadline date)
    returns table (path text, reach text, grain text, bucket date)
    language sql immutable parallel safe as $$
    select row_path, r.reach, g.grain, g.bucket
    from (values ('OFFICE', true), ('UNIT', unit_reach), ('LEAD', lead_reach)) r(reach, holds)
    cross join (select 'D', deadline where deadline is not null
                union all select 'M', deadline - (extract(day from deadline)::int - 1) where deadline is not null
                union all select 'Y', deadline - (extract(doy from deadline)::int - 1) where deadline is not null
                union all select 'N', 'infinity'::date where deadline is null) g(grain, bucket)
    where r.holds
$$;

-- the counts as the open reach says they should be (what the kept ones are compared with, and rebuilt from)
create view task_open_deadline_count_derived as
select b.path, b.reach, b.grain, b.bucket, count(*)::int as tasks
from task_open_reach o
cross join lateral task_open_deadline_buckets(o.path, o.in_unit_reach, o.in_lead_reach, o.deadline) b
group by 1, 2, 3, 4;

-- every count afresh (as task_status_count_rebuild: writers wait, readers read the old counts until it commits)
create function task_open_deadline_count_rebuild() returns void language plpgsql as $$
begin
    lock table task_open_deadline_count in exclusive mode;
    delete from task_open_deadline_count;
    insert into task_open_deadline_count select * from task_open_deadline_count_derived order by 1, 2, 3, 4;
end $$;

create function task_open_deadline_count_trigger() returns trigger language plpgsql as $$
begin
    -- a statement's changes netted per bucket first (a deadline moved within its month changes the day rows only), then
    -- added in one order for all writers (no deadlock between two)
    if tg_op = 'INSERT' then
        insert into task_open_deadline_count as c (path, reach, grain, bucket, tasks)
        select b.path, b.reach, b.grain, b.bucket, count(*)
        from changed_new n
        cross join lateral task_open_reach_rows(n.id, n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach) r
        cross join lateral task_open_deadline_buckets(r.path, r.in_unit_reach, r.in_lead_reach, r.deadline) b
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (path, reach, grain, bucket) do update set tasks = c.tasks + excluded.tasks;
    elsif tg_op = 'DELETE' then
        insert into task_open_deadline_count as c (path, reach, grain, bucket, tasks)
        select b.path, b.reach, b.grain, b.bucket, -count(*)
        from changed_old o
        cross join lateral task_open_reach_rows(o.id, o.status, o.deadline, o.office_reach, o.unit_reach, o.lead_reach) r
        cross join lateral task_open_deadline_buckets(r.path, r.in_unit_reach, r.in_lead_reach, r.deadline) b
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (path, reach, grain, bucket) do update set tasks = c.tasks + excluded.tasks;
    else
        -- most updates (a report's new version, a text) leave status, deadline and reach alone: nothing to add
        insert into task_open_deadline_count as c (path, reach, grain, bucket, tasks)
        select b.path, b.reach, b.grain, b.bucket, sum(m.sign)
        from (select n.id, n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach, 1 as sign
              from changed_new n join changed_old o on o.id = n.id
              where (n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach)
                  is distinct from (o.status, o.deadline, o.office_reach, o.unit_reach, o.lead_reach)
              union all
              select o.id, o.status, o.deadline, o.office_reach, o.unit_reach, o.lead_reach, -1
              from changed_new n join changed_old o on o.id = n.id
              where (n.status, n.deadline, n.office_reach, n.unit_reach, n.lead_reach)
                  is distinct from (o.status, o.deadline, o.office_reach, o.unit_reach, o.lead_reach)) m
        cross join lateral task_open_reach_rows(m.id, m.status, m.deadline, m.office_reach, m.unit_reach, m.lead_reach) r
        cross join lateral task_open_deadline_buckets(r.path, r.in_unit_reach, r.in_lead_reach, r.deadline) b
        group by 1, 2, 3, 4 having sum(m.sign) <> 0 order by 1, 2, 3, 4
        on conflict (path, reach, grain, bucket) do update set tasks = c.tasks + excluded.tasks;
    end if;
    return null;
end $$;

insert into task_open_deadline_count select * from task_open_deadline_count_derived order by 1, 2, 3, 4;
analyze task_open_deadline_count;

create trigger task_open_deadline_count_insert after insert on task referencing new table as changed_new
    for each statement execute function task_open_deadline_count_trigger();
create trigger task_open_deadline_count_update after update on task referencing old table as changed_old new table as changed_new
    for each statement execute function task_open_deadline_count_trigger();
create trigger task_open_deadline_count_delete after delete on task referencing old table as changed_old
    for each statement execute function task_open_deadline_count_trigger();
