#!/usr/bin/env bash
# dump.sh TITLE > file : (s21-intake's, with this directory's env.sh) what the database holds of a published plan, ids and times aside (task ids as refs), and the
# kept tables whole (both runs start from copies of one master)
set -uo pipefail
. $(dirname $0)/env.sh
T=$1
P=$(psql -X -At -v t="$T" <<<"select id from plan where title = :'t'")
q() { echo "## $1"; psql -X -At -F'|' -c "create temp view tk as select id, ref from task where plan_id = $P;" -c "$2"; }
q plan "select title, issuing_body, issued_on, owner_unit_id, inspection_id is not null from plan where id = $P"
q tasks "select ref, position, title, text, measures, responsible_person_id, status, ongoing, deadline, version, created_at = updated_at, unit_reach, office_reach, lead_reach, lead_unit_ids, lead_group_ids, finding_id from task where plan_id = $P order by position"
q task_unit "select t.ref, u.unit_id, u.role, u.via_group_id, u.position from task_unit u join tk t on t.id = u.task_id order by 1, 3, 5"
q milestone "select t.ref, m.due_on, m.deliverable, m.phrase, m.position from milestone m join tk t on t.id = m.task_id order by 1, 5"
q indicator "select t.ref, i.name, i.comparator, i.target_value, i.unit_of_measure, i.due_on, i.baseline, i.phrase, i.position from indicator i join tk t on t.id = i.task_id order by 1, 9"
q obligation "select t.ref, o.subject, o.at_least, o.per, o.starts_on, o.phrase, o.position from obligation o join tk t on t.id = o.task_id order by 1, 7"
q history "select t.ref, h.actor, h.action, h.from_status, h.to_status, h.reason, h.changes, h.task_version, h.relapse, h.occurred_at = (select created_at from task where id = t.id) from task_history h join tk t on t.id = h.task_id order by h.id"
q audit "select a.actor, a.action, coalesce(t.ref, a.object), (a.change::jsonb - 'taskId' - 'planId' - 'occurredAt')::text from audit_entry a left join tk t on a.object = 'task:' || t.id where a.seq > (select coalesce(max(seq), 0) from audit_entry where at < (select min(created_at) from task where plan_id = $P) - interval '1 second') order by a.seq"
q audit_chain "select count(*), count(*) filter (where prev_hash <> coalesce(prev, prev_hash)) from (select prev_hash, lag(hash) over (order by seq) prev from audit_entry) x"
q event_publication "select e.listener_id, e.event_type, e.completion_date is not null, count(*) from event_publication e where (e.serialized_event::jsonb ->> 'taskId')::bigint in (select id from tk) group by 1, 2, 3 order by 1, 2"
q task_warning "select t.ref, w.level, w.schedule_status, w.reasons, w.assessed_on from task_warning w join tk t on t.id = w.task_id order by 1"
q warning_change "select t.ref, w.from_level, w.to_level, w.reasons from warning_change w join tk t on t.id = w.task_id order by 1, 2, 3"
q ledger_entry "select t.ref, count(*) from ledger_entry l join tk t on t.id = l.task_id group by 1 order by 1"
q inbox "select m.account_id, m.kind, m.message_key, m.args, t.ref from inbox_message m join tk t on m.link = '/tasks/' || t.id order by 5, 1, 2"
q outbound "select count(*) from outbound_message where created_at >= (select min(created_at) from task where plan_id = $P)" 2>/dev/null || true
q insight_task "select t.ref, i.section, i.status, i.schedule, i.level, i.due_month, i.closed_month, i.keys, i.deadline, i.level_weeks, i.item from insight_task i join tk t on t.id = i.task_id order by 1"
q insight_task_unit "select t.ref, i.* from insight_task_unit i join tk t on t.id = i.task_id order by 1" 
q task_open_reach "select t.ref, r.path, r.deadline, r.in_unit_reach, r.in_lead_reach from task_open_reach r join tk t on t.id = r.task_id order by 1, 2"
q task_open_duty "select t.ref, d.path, d.role, d.task_position, d.unit_position, d.unit_id, d.via_group_id from task_open_duty d join tk t on t.id = d.task_id order by 1, 2, 3, 6"
for k in task_status_count task_open_deadline_count task_open_duty_count insight_count insight_deadline insight_month insight_week insight_owed; do
  q "$k (whole)" "select * from $k" 2>&1 | sort
done
