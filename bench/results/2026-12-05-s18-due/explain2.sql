explain (analyze, buffers, costs off)
select d.role, t.id, t.plan_id, t.ref, t.title, t.status, u.id, u.name, u.path, g.id, g.name,
  case when lag(d.plan_id) over (order by d.role asc, d.plan_id asc, d.task_position asc, d.task_id asc, d.unit_position asc, d.unit_id asc) is distinct from d.plan_id then p.title end as title
from ((select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty
       where path = '/1/6/11/' and role = 'LEAD'
       order by plan_id, task_position, task_id, unit_position, unit_id offset 0 limit 100)
      union all
      (select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty
       where path = '/1/6/11/' and role = 'SUPPORTING'
       order by plan_id, task_position, task_id, unit_position, unit_id offset 0 limit 100)) d
join task t on t.id = d.task_id join plan p on p.id = t.plan_id join units_directory u on u.id = d.unit_id left join units_group g on g.id = d.via_group_id
order by d.role asc, d.plan_id asc, d.task_position asc, d.task_id asc, d.unit_position asc, d.unit_id asc;
