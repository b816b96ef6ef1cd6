\set tid random(1, 100000)
\set cid random(1, 400)
BEGIN;
select id, plan_id, ref, title, text, measures, status, deadline, version from task where id = :tid;
select id, plan_id, kind, seq, period_start, period_end, due_on, grace_until from reporting_cycle where id = :cid;
insert into q4_rt_counts (task_id, unit_id, cycle_id, late) values (:tid, 212, :cid, true);
insert into q4_rt_audit (grp, at, actor, action, object, change) values (gen_random_uuid(), now(), '新寿县生态环境局联络员', 'report.drafted', 'report:1', repeat('x', 300)), (gen_random_uuid(), now(), '新寿县生态环境局联络员', 'report.submitted', 'report:1', repeat('y', 300));
COMMIT;
