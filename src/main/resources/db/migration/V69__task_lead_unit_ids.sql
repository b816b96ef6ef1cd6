-- A ledger page names each task's lead units (issue 14): a subquery per row joined task_unit to the units' and groups'
-- rows for their names, about half of a page's PostgreSQL CPU (session 18, bench/results/2026-12-05-s18-ledger). The
-- task row now keeps its lead units' ids in the task's order (position, then id) and, in the same order, the group that
-- named each (null for a unit named directly; the whole array null when no lead unit was named through a group, as for
-- most tasks), kept with its reach by task_reach_refresh whatever writes task_unit (V26's triggers). The page reads
-- them with the row and names them from the names the node keeps (units.KeptUnitNames).
alter table task add column lead_unit_ids bigint[] not null default '{}', add column lead_group_ids bigint[];

create or replace function task_reach_refresh(ids bigint[]) returns void language sql as $$
    update task t set unit_reach = r.units, office_reach = r.units || r.owner, lead_reach = r.leads,
                      lead_unit_ids = r.lead_unit_ids, lead_group_ids = r.lead_group_ids
    from (select tk.id,
                 coalesce((select array_agg(distinct a order by a)
                           from task_unit tu join unit un on un.id = tu.unit_id, unnest(unit_path_and_above(un.path)) a
                           where tu.task_id = tk.id), '{}') as units,
                 coalesce((select array_agg(distinct a order by a)
                           from task_unit tu join unit un on un.id = tu.unit_id, unnest(unit_path_and_above(un.path)) a
                           where tu.task_id = tk.id and tu.role = 'LEAD'), '{}') as leads,
                 coalesce((select unit_path_and_above(o.path) from plan p join unit o on o.id = p.owner_unit_id
                           where p.id = tk.plan_id), '{}') as owner,
                 coalesce(l.unit_ids, '{}') as lead_unit_ids, l.group_ids as lead_group_ids
          from task tk,
               lateral (select array_agg(tu.unit_id order by tu.position, tu.unit_id) as unit_ids,
                               case when bool_or(tu.via_group_id is not null)
                                    then array_agg(tu.via_group_id order by tu.position, tu.unit_id) end as group_ids
                        from task_unit tu where tu.task_id = tk.id and tu.role = 'LEAD') l
          where tk.id = any(ids)) r
    where t.id = r.id and (t.unit_reach is distinct from r.units or t.office_reach is distinct from r.units || r.owner
                           or t.lead_reach is distinct from r.leads or t.lead_unit_ids is distinct from r.lead_unit_ids
                           or t.lead_group_ids is distinct from r.lead_group_ids)
$$;

-- today's tasks: only the new columns (their reach is right already)
update task t set lead_unit_ids = l.unit_ids, lead_group_ids = l.group_ids
from (select task_id, array_agg(unit_id order by position, unit_id) as unit_ids,
             case when bool_or(via_group_id is not null) then array_agg(via_group_id order by position, unit_id) end
                 as group_ids
      from task_unit where role = 'LEAD' group by task_id) l
where t.id = l.task_id;
