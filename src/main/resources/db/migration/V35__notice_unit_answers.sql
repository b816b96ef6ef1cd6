-- 督办单的分单位回复: on a task with several lead units each answers a notice for itself and the issuer accepts or
-- sends back each answer. One row per lead unit the notice was addressed to (null unit: a task without lead units,
-- answered by the office). The notice's own replied_at / replied_late / accepted_at stay as its summary (every unit
-- answered / any answer late / every answer accepted), which the warning rules and the to-do indexes read.
create table notice_answer (
    id           bigint generated always as identity primary key,
    notice_id    bigint      not null references supervision_notice (id) on delete cascade,
    unit_id      bigint references unit (id),
    unit_name    text        not null,
    position     int         not null default 0,
    reply_text   text,
    replied_by   text,
    replied_at   timestamptz,
    replied_late boolean     not null default false,
    accepted_at  timestamptz,
    accepted_by  text,
    unique (notice_id, unit_id)
);
create index notice_answer_pending_idx on notice_answer (unit_id) where replied_at is null;
create index notice_answer_to_accept_idx on notice_answer (notice_id) where replied_at is not null and accepted_at is null;

-- which unit's answer a sent-back reply and a reply's file belong to (null: before answers were per unit)
alter table notice_reply_sent_back add column unit_name text;
alter table notice_evidence add column answer_id bigint references notice_answer (id) on delete cascade;

-- notices issued before: one answer per lead unit of their task, carrying the notice's reply and acceptance
insert into notice_answer (notice_id, unit_id, unit_name, position, reply_text, replied_by, replied_at, replied_late,
                           accepted_at, accepted_by)
select n.id, u.id, u.name, tu.position, n.reply_text, n.replied_by, n.replied_at, n.replied_late, n.accepted_at, n.accepted_by
  from supervision_notice n
  join task_unit tu on tu.task_id = n.task_id and tu.role = 'LEAD'
  join unit u on u.id = tu.unit_id;
insert into notice_answer (notice_id, unit_id, unit_name, reply_text, replied_by, replied_at, replied_late, accepted_at, accepted_by)
select n.id, null, n.issuer_unit, n.reply_text, n.replied_by, n.replied_at, n.replied_late, n.accepted_at, n.accepted_by
  from supervision_notice n
 where not exists (select 1 from notice_answer a where a.notice_id = n.id);
update notice_evidence e set answer_id = (select min(a.id) from notice_answer a where a.notice_id = e.notice_id);

-- The task page's timeline reads the audit chain by the task an entry's change names (see org.rectify.audit.TaskTimeline).
create index audit_entry_task_idx on audit_entry ((((change::jsonb) ->> 'taskId')::bigint));
