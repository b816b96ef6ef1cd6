COL=${COL:-level}; L=$1; P=$2
cat <<SQL
explain (analyze, buffers) select task.id, task.plan_id, task.ref, task.title, task.text, task.status, task.deadline, task.lead_unit_ids, task.lead_group_ids, units_person.name, task.ongoing
from task left join units_person on units_person.id = task.responsible_person_id
where task.office_reach @> cast('{"$P"}' as text[]) and task.id in (select task_id from task_warning where $COL = '$L') order by task.plan_id, task.position, task.id offset 0 rows fetch next 50 rows only;
SQL
