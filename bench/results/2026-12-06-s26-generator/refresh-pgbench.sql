\set t random(1, 100000)
begin;
insert into task_unit (task_id, unit_id, role, position) values (:t, 9, 'SUPPORTING', 9) on conflict do nothing;
update task set title = title || '·' where id = :t;
delete from task_unit where task_id = :t and unit_id = 9 and position = 9;
rollback;
