-- A task's reach (V26, V34) and lead units (V69) refreshed at the cost of its own units (issue 14, a plan's intake at
-- province scale). V69's function was planned afresh at every call: its ids are a parameter, so PostgreSQL made a custom
-- plan each time (the generic one looked dearer for one task), and planning its four correlated subqueries, each
-- evaluated twice (for the new value and to compare it with the kept one) and calling unit_path_and_above once per
-- unit, cost 5-10 ms per call on the 100k data: every task_unit statement of an intake, an edit or a reassignment paid
-- it. Now the arrays are computed once per statement for the whole batch (the task's units joined by key, each path's
-- ancestors cut out inline, grouped per task), and the plan is the generic one, made once per connection: nothing reads
-- the unit tree beyond the task's units and its plan's owner, whatever the tree's size. A generic plan probes by key
-- also for a large batch (a unit moved with all its tasks, a load): 1.15x the custom plan's time for all 100,000 tasks.
-- What each task keeps is exactly what V69 kept (TaskReachTests compares every task with a computation of its own).
create or replace function task_reach_refresh(ids bigint[]) returns void language sql
    set plan_cache_mode = force_generic_plan as $$
    with units as (
        select tu.task_id, tu.role, tu.unit_id, tu.via_group_id, tu.position, un.path
        from task_unit tu join unit un on un.id = tu.unit_id
        where tu.task_id = any(ids)),
    above as ( -- '/1/4/23/' gives '/1/', '/1/4/', '/1/4/23/'; lead: a lead unit of the task is at or below the path
        select u.task_id, left(u.path, i) as path, bool_or(u.role = 'LEAD') as lead
        from units u, generate_series(2, length(u.path)) i
        where substr(u.path, i, 1) = '/'
        group by 1, 2),
    reach as (
        select task_id, array_agg(path order by path) as units, array_agg(path order by path) filter (where lead) as leads
        from above group by 1),
    leads as (
        select task_id, array_agg(unit_id order by position, unit_id) as unit_ids,
               case when bool_or(via_group_id is not null)
                    then array_agg(via_group_id order by position, unit_id) end as group_ids
        from units where role = 'LEAD' group by 1),
    owner as (
        select tk.id as task_id, array_agg(left(o.path, i) order by i) as paths
        from task tk join plan p on p.id = tk.plan_id join unit o on o.id = p.owner_unit_id,
             generate_series(2, length(o.path)) i
        where tk.id = any(ids) and substr(o.path, i, 1) = '/'
        group by 1),
    fresh as (
        select tk.id, coalesce(r.units, '{}') as units, coalesce(r.leads, '{}') as leads,
               coalesce(r.units, '{}') || coalesce(w.paths, '{}') as office,
               coalesce(l.unit_ids, '{}') as lead_unit_ids, l.group_ids as lead_group_ids
        from task tk
        left join reach r on r.task_id = tk.id
        left join leads l on l.task_id = tk.id
        left join owner w on w.task_id = tk.id
        where tk.id = any(ids))
    update task t set unit_reach = f.units, office_reach = f.office, lead_reach = f.leads,
                      lead_unit_ids = f.lead_unit_ids, lead_group_ids = f.lead_group_ids
    from fresh f
    where t.id = f.id and (t.unit_reach is distinct from f.units or t.office_reach is distinct from f.office
                           or t.lead_reach is distinct from f.leads or t.lead_unit_ids is distinct from f.lead_unit_ids
                           or t.lead_group_ids is distinct from f.lead_group_ids)
$$;

-- V52's refresh of a task's duties follows the same task_unit statements (and every change of a task's status or reach)
-- with the same parameter, and was planned afresh at every call too: a unit added to one task and taken away again
-- (pgbench, two statements and a commit on the 100k data) 25-33 ms with it planned per call, 14-18 ms with its generic
-- plan. Its statements are unchanged.
alter function task_open_duty_refresh(bigint[]) set plan_cache_mode = force_generic_plan;
