-- The refreshes of a task's reach and duties (V52, V70, V73) probe by key, whatever the tables held when their plan
-- was made (issue 14: the generator at 1,000,000 tasks never finished). Their generic plans are made at the first call
-- in a session, and a plan made while a table was empty (a new database's first intake; a load, whose first duty
-- refresh runs before any duty exists) costs that table at nothing and is kept once it is full:
-- * a duty refresh planned before any task unit existed scanned every task unit for each task of the next call (a
--   30,000-task load: 800 million rows, 576 s in one statement); one planned while the duties were empty tested each of
--   them against the whole batch's ids (124,074 rows x 30,000 ids, 19 s). No refresh scans a table now: a call names a
--   handful of tasks in the app and a load's batch at most, and it reads their rows by key.
-- * the new duties were found by an anti-join with the kept ones, which a plan made on an empty table probed by the
--   unit's columns of the key only, reading every duty of the unit under every path for each new one (a 6,000-task
--   load into a new database: 15 s per statement, 20,000 tasks 541 s, 1,000,000 did not finish). They are inserted
--   with ON CONFLICT DO NOTHING instead: the key's own unique index is asked, row by row, whatever the plan. The rows
--   left by the first statement are exactly those the derived view still gives (key and group), so the conflicting
--   ones are those the anti-join left out, and a concurrent refresh of the same task now waits instead of failing.
create or replace function task_open_duty_refresh(ids bigint[]) returns void language plpgsql
    set plan_cache_mode = force_generic_plan set enable_seqscan = off as $$
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
        select w.* from task_open_duty_derived w where w.task_id = any(ids)
        on conflict do nothing
        returning path, role, plan_id)
    insert into task_open_duty_count as c (path, role, plan_id, duties)
    select path, role, plan_id, count(*) from came group by 1, 2, 3 order by 1, 2, 3
    on conflict (path, role, plan_id) do update set duties = c.duties + excluded.duties;
end $$;

alter function task_reach_refresh(bigint[]) set enable_seqscan = off;
alter function task_open_duty_show(bigint[]) set enable_seqscan = off;
