set role rectify_app;
\o /dev/null
select t.id from task t where t.office_reach @> '{/1/6/11/}'::text[] and t.status in ('IN_PROGRESS') order by t.plan_id, t.position, t.id limit 50;
select t.id from task t where t.office_reach @> '{/1/6/11/}'::text[] and t.status in ('IN_PROGRESS') order by t.plan_id, t.position, t.id limit 50;
select t.id from task t where array_position(t.office_reach, '/1/6/11/') is not null and t.status in ('IN_PROGRESS') and t.plan_id = any(array(select plan_id from task_plan_count where path='/1/6/11/' and reach='OFFICE' and tasks > 0)) order by t.plan_id, t.position, t.id limit 50;
select t.id from task t where array_position(t.office_reach, '/1/6/11/') is not null and t.status in ('IN_PROGRESS') and t.plan_id = any(array(select plan_id from task_plan_count where path='/1/6/11/' and reach='OFFICE' and tasks > 0)) order by t.plan_id, t.position, t.id limit 50;
\o
explain (analyze, buffers, timing off, summary on) select t.id, t.plan_id, t.ref, t.title, t.text, t.status, t.deadline, t.lead_unit_ids, t.lead_group_ids, up.name, t.ongoing from task t left join units_person up on up.id = t.responsible_person_id where t.office_reach @> '{/1/6/11/}'::text[] and t.status in ('IN_PROGRESS') order by t.plan_id, t.position, t.id limit 50;
explain (analyze, buffers, timing off, summary on) select t.id, t.plan_id, t.ref, t.title, t.text, t.status, t.deadline, t.lead_unit_ids, t.lead_group_ids, up.name, t.ongoing from task t left join units_person up on up.id = t.responsible_person_id where array_position(t.office_reach, '/1/6/11/') is not null and t.status in ('IN_PROGRESS') and t.plan_id = any(array(select plan_id from task_plan_count where path='/1/6/11/' and reach='OFFICE' and tasks > 0)) order by t.plan_id, t.position, t.id limit 50;
