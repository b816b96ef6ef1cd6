# fc.sh LEVEL PATH : the collect form (the scope's figure rows fenced with offset 0, then sorted)
COL=${COL:-level}; L=$1; P=$2
M="(select w.task_id, w.plan_id, w.task_position from task_warning w where w.$COL = '$L' and w.task_id in (select task_id from task_open_reach where path = '$P') offset 0)"
cat <<SQL
explain (analyze, buffers) select task.id, task.plan_id, task.ref, task.title, task.text, task.status, task.deadline, task.lead_unit_ids, task.lead_group_ids, units_person.name, task.ongoing,
 (select count(*) from (select 1 from $M c fetch next 2001 rows only) c) as bounded
from $M f join task on task.id = f.task_id left join units_person on units_person.id = task.responsible_person_id
order by f.plan_id, f.task_position, f.task_id offset 0 rows fetch next 50 rows only;
SQL
