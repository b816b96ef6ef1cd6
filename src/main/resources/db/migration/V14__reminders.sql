-- Reminders before and after deadlines, report due dates and pending approvals. One row per reminder stage
-- (e.g. "3 days before the deadline of task 12"): the unique key makes each stage go out once, however often the
-- daily sweep runs and on however many app nodes; the row is written in the transaction that publishes the event.
create table reminder (
    id          bigint generated always as identity primary key,
    subject     text        not null check (subject in ('DEADLINE', 'REPORT_DUE', 'APPROVAL')),
    task_id     bigint      not null references task (id) on delete cascade,
    -- the lead unit a report or an approval is owed by; null for a task's deadline, which concerns all its lead units
    unit_id     bigint references unit (id),
    target_date date        not null,
    -- the stage in days from the target date: -7, -3, -1 before it; 1, 3, 7 after it
    stage       int         not null,
    -- days from the target date on the day it was sent (may differ from the stage when a day was skipped)
    days        int         not null,
    sent_on     date        not null,
    created_at  timestamptz not null,
    unique nulls not distinct (subject, task_id, unit_id, target_date, stage)
);
create index reminder_task_idx on reminder (task_id, created_at desc);
create index reminder_sent_idx on reminder (sent_on desc);
