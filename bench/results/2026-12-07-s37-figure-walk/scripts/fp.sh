COL=${COL:-level}; L=$1; P=$2
S="and f.task_id in (select task_id from task_open_reach where path = '$P')"
cat <<SQL
explain (analyze, buffers) select task.id, task.plan_id, task.ref, task.title, task.text, task.status, task.deadline, task.lead_unit_ids, task.lead_group_ids, units_person.name, task.ongoing
from (select task_id, plan_id, task_position from task_warning where $COL = '$L') f join task on task.id = f.task_id left join units_person on units_person.id = task.responsible_person_id
where true $S order by f.plan_id, f.task_position, f.task_id offset 0 rows fetch next 50 rows only;
SQL
