#!/usr/bin/env bash
# micro.sh ROUNDS: a first report's writes (slot, version, its two history steps: the rows and keys the app's one
# statement writes) for 3,000 free catch-up slots of the 100k data, in one transaction rolled back, on one backend; its
# CPU from /proc. Rounds alternate the schema before V72 (A) and with V72 (B) on the same copy (/tmp/q4-micro, an app
# of main's jar running on it); the data is the same in every round (rolled back).
set -euo pipefail
. /tmp/q4-work/menv.sh
A_SQL="alter table progress_report drop constraint if exists progress_report_slot_key_fkey,
  add constraint progress_report_task_id_fkey foreign key (task_id) references task (id),
  add constraint progress_report_unit_id_fkey foreign key (unit_id) references unit (id),
  add constraint progress_report_cycle_id_fkey foreign key (cycle_id) references reporting_cycle (id);
create index progress_report_supersedes_idx on progress_report (supersedes_id);
create index report_event_report_idx on report_event (report_id);"
B_SQL=$(sed -n '/^alter table/,$p' /work/wt/q4/src/main/resources/db/migration/V72__report_version_keys.sql | grep -v '^--')
round() { # $1: A or B
  psql -X -q -At <<'SQL'
select pg_backend_pid() as pid \gset
\! echo -n "$(awk '{print $14+$15}' /proc/$(cat /tmp/q4-work/micro-pid 2>/dev/null || echo self)/stat 2>/dev/null) " > /dev/null
\o /tmp/q4-work/micro-pid
select :pid;
\o
\setenv P :pid
\! awk '{print $14+$15}' /proc/$(cat /tmp/q4-work/micro-pid)/stat > /tmp/q4-work/micro-t0
begin;
do $$ declare r record; s bigint; v bigint; begin
  for r in select * from q4_micro_free loop
    insert into report_slot (cycle_id, task_id, unit_id, state, first_submitted_at, updated_at)
      values (r.cycle_id, r.task_id, r.unit_id, 'SUBMITTED', now(), now()) returning id into s;
    insert into progress_report (slot_id, task_id, unit_id, cycle_id, version, status, submitted_by, submitted_at,
        work_done, phase, on_schedule, created_by, created_at, updated_at)
      values (s, r.task_id, r.unit_id, r.cycle_id, 1, 'SUBMITTED', '测试', now(), '本期进展', 'IN_PROGRESS', true, '测试', now(), now())
      returning id into v;
    insert into report_event (slot_id, report_id, version, action, actor, actor_unit_id, occurred_at)
      values (s, v, 1, 'DRAFTED', '测试', r.unit_id, now()), (s, v, 1, 'SUBMITTED', '测试', r.unit_id, now());
  end loop; end $$;
\! awk '{print $14+$15}' /proc/$(cat /tmp/q4-work/micro-pid)/stat > /tmp/q4-work/micro-t1
rollback;
SQL
  echo "$1 $(( ($(cat /tmp/q4-work/micro-t1) - $(cat /tmp/q4-work/micro-t0)) * 10 )) ms of backend CPU for 3000 first reports (load $(cut -d' ' -f1 /proc/loadavg))"
}
for i in $(seq 1 "${1:-4}"); do
  psql -X -q -c "$B_SQL" >/dev/null; round B
  psql -X -q -c "$A_SQL" >/dev/null; round A
done
