-- 督办单回复的佐证材料: the files a unit sends with its reply to a supervision notice. The evidence rows and files
-- are progress's (content-addressed, cleaned up when no row references them); this links them to the notice.
create table notice_evidence (
    notice_id   bigint not null references supervision_notice (id) on delete cascade,
    evidence_id bigint not null references evidence (id),
    position    int    not null default 0,
    primary key (notice_id, evidence_id)
);
create index notice_evidence_evidence_idx on notice_evidence (evidence_id);

-- A reply after the reply-by date (China Standard Time) is recorded as late when it is given: the warning rules
-- keep such a task at least yellow for a while after the answer.
alter table supervision_notice add column replied_late boolean not null default false;
update supervision_notice set replied_late = (replied_at at time zone 'Asia/Shanghai')::date > reply_by
 where replied_at is not null;
create index supervision_notice_answered_late_idx on supervision_notice (task_id, replied_at) where replied_late;
