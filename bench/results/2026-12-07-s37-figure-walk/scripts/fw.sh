# fw.sh LEVEL PATH(empty for all): the figure-driven page statement
L=$1; P=$2
if [ -n "$P" ]; then S="and f.task_id in (select task_id from task_open_reach where path = '$P')"; else S=""; fi
cat <<SQL
explain (analyze, buffers) select task.id, task.plan_id, task.ref, task.title, task.text, task.status, task.deadline, task.lead_unit_ids, task.lead_group_ids, units_person.name, task.ongoing,
 (select count(*) from (select 1 from (select task_id, plan_id, task_position from task_warning where level = '$L') f where true $S fetch next 2001 rows only) c) as bounded
from (select task_id, plan_id, task_position from task_warning where level = '$L') f join task on task.id = f.task_id left join units_person on units_person.id = task.responsible_person_id
where true $S order by f.plan_id, f.task_position, f.task_id offset 0 rows fetch next 50 rows only;
SQL
