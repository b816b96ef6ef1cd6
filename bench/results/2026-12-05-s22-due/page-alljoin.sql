
with d as ((select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty where path = '/1/6/11/' and role = 'LEAD' order by plan_id, task_position, task_id, unit_position, unit_id offset 0 limit 100)
 union all (select role, plan_id, task_position, task_id, unit_position, unit_id, via_group_id from task_open_duty where path = '/1/6/11/' and role = 'SUPPORTING' order by plan_id, task_position, task_id, unit_position, unit_id offset 0 limit 100))
select d.role, d.task_id, d.plan_id, t.ref, t.title, t.status, d.unit_id, d.via_group_id from d left join task t on t.id = d.task_id order by d.role, d.plan_id, d.task_position, d.task_id, d.unit_position, d.unit_id;
