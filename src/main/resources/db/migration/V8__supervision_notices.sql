-- 督办单: a formal supervision notice on a task, numbered per year, with the unit's reply.
create table notice_counter (
    year int primary key,
    last int not null
);

create table supervision_notice (
    id          bigint generated always as identity primary key,
    task_id     bigint      not null references task (id) on delete cascade,
    year        int         not null,
    seq         int         not null,
    number      text        not null,
    demands     text        not null,
    reply_by    date        not null,
    -- the task's warning level when the notice was issued: the notice is printed in that colour
    level       text        not null check (level in ('NONE', 'BLUE', 'YELLOW', 'RED')),
    issued_by   text        not null,
    issuer_account_id bigint references account (id),
    issuer_unit text        not null,
    issued_at   timestamptz not null,
    reply_text  text,
    replied_by  text,
    replied_at  timestamptz,
    unique (year, seq)
);
create index supervision_notice_task_idx on supervision_notice (task_id);
-- open notices past their reply date raise the task's warning level
create index supervision_notice_unanswered_idx on supervision_notice (reply_by) where replied_at is null;
