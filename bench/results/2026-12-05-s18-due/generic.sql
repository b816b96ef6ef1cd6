set plan_cache_mode = force_generic_plan;
prepare newp(text, bigint, bigint) as
select d.role, t.id, t.plan_id, t.ref, t.title, t.status, u.id, u.name, u.path, g.id, g.name,
  case when lag(d.plan_id) over (order by d.role asc, d.plan_id asc, d.task_position asc, d.task_id asc, d.unit_position asc, d.unit_id asc) is distinct from d.plan_id then p.title end as title
from ((select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty
       where path = $1 and role = 'LEAD' order by plan_id, task_position, task_id, unit_position, unit_id offset $2 limit $3)
      union all
      (select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty
       where path = $1 and role = 'SUPPORTING' order by plan_id, task_position, task_id, unit_position, unit_id offset $2 limit $3)) d
join task t on t.id = d.task_id join plan p on p.id = t.plan_id join units_directory u on u.id = d.unit_id left join units_group g on g.id = d.via_group_id
order by d.role asc, d.plan_id asc, d.task_position asc, d.task_id asc, d.unit_position asc, d.unit_id asc;
prepare oldp(text, bigint, bigint) as
select d.role, t.id, t.plan_id, t.ref, t.title, t.status, u.id, u.name, u.path, g.id, g.name, p.title
from ((select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty
       where path = $1 and role = 'LEAD' order by plan_id, task_position, task_id, unit_position, unit_id offset $2 limit $3)
      union all
      (select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty
       where path = $1 and role = 'SUPPORTING' order by plan_id, task_position, task_id, unit_position, unit_id offset $2 limit $3)) d
join task t on t.id = d.task_id join plan p on p.id = t.plan_id join units_directory u on u.id = d.unit_id left join units_group g on g.id = d.via_group_id
order by d.role, d.plan_id, d.task_position, d.task_id, d.unit_position, d.unit_id;
explain (analyze, buffers, costs off, timing off, summary on) execute oldp('/1/6/11/', 0, 100);
explain (analyze, buffers, costs off, timing off, summary on) execute newp('/1/6/11/', 0, 100);
explain (analyze, buffers, costs off, timing off, summary on) execute oldp('/1/6/11/', 0, 100);
explain (analyze, buffers, costs off, timing off, summary on) execute newp('/1/6/11/', 0, 100);
