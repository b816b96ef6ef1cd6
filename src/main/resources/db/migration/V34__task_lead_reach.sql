-- "Led from this unit or below" at province scale (issue 14). The ledger's lead-unit filter (a city's subtree, Q2 of
-- the benchmark) joined every lead task-unit row of the subtree, 110-170 ms per statement at the root on 100,000
-- tasks. Each task now also keeps lead_reach, the paths at and above its lead units, maintained with unit_reach and
-- office_reach by task_reach_refresh (V26's triggers call it whatever writes task_unit, plan or unit): the filter is
-- one GIN-indexed lead_reach @> '{/1/4/}'.
alter table task add column lead_reach text[] not null default '{}';

create or replace function task_reach_refresh(ids bigint[]) returns void language sql as $$
    update task t set unit_reach = r.units, office_reach = r.units || r.owner, lead_reach = r.leads
    from (select tk.id,
                 coalesce((select array_agg(distinct a order by a)
                           from task_unit tu join unit un on un.id = tu.unit_id, unnest(unit_path_and_above(un.path)) a
                           where tu.task_id = tk.id), '{}') as units,
                 coalesce((select array_agg(distinct a order by a)
                           from task_unit tu join unit un on un.id = tu.unit_id, unnest(unit_path_and_above(un.path)) a
                           where tu.task_id = tk.id and tu.role = 'LEAD'), '{}') as leads,
                 coalesce((select unit_path_and_above(o.path) from plan p join unit o on o.id = p.owner_unit_id
                           where p.id = tk.plan_id), '{}') as owner
          from task tk where tk.id = any(ids)) r
    where t.id = r.id and (t.unit_reach is distinct from r.units or t.office_reach is distinct from r.units || r.owner
                           or t.lead_reach is distinct from r.leads)
$$;

select task_reach_refresh(array(select id from task));
create index task_lead_reach_idx on task using gin (lead_reach);
