-- 挂账督办: tasks put on the supervision ledger stay there, visibly, until they are closed.
create table ledger_entry (
    id          bigint generated always as identity primary key,
    task_id     bigint      not null references task (id) on delete cascade,
    reason      text        not null,
    added_by    text        not null,
    added_at    timestamptz not null,
    -- set when the task was closed (or cancelled): the entry leaves the open ledger but stays on record
    resolved_at timestamptz,
    resolution  text
);
-- one open entry per task
create unique index ledger_entry_open_key on ledger_entry (task_id) where resolved_at is null;
create index ledger_entry_task_idx on ledger_entry (task_id);
