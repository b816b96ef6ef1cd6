-- Supervision's read model: each task's derived schedule status and warning level, and every change of
-- level with its reason, so the history and trend of a task and of a unit can be shown.

-- Per-plan thresholds; a plan without a row uses the defaults.
create table supervision_settings (
    plan_id           bigint primary key references plan (id) on delete cascade,
    blue_days         int not null default 15 check (blue_days >= 0),
    report_grace_days int not null default 5 check (report_grace_days >= 0)
);

create table task_warning (
    task_id         bigint primary key references task (id) on delete cascade,
    level           text        not null check (level in ('NONE', 'BLUE', 'YELLOW', 'RED')),
    schedule_status text        not null check (schedule_status in ('NOT_STARTED', 'ON_SCHEDULE', 'BEHIND', 'OVERDUE', 'DONE')),
    reasons         text        not null default '',
    assessed_on     date        not null,
    since           timestamptz not null
);
create index task_warning_level_idx on task_warning (level) where level <> 'NONE';

create table warning_change (
    id          bigint generated always as identity primary key,
    task_id     bigint      not null references task (id) on delete cascade,
    occurred_at timestamptz not null,
    from_level  text,
    to_level    text        not null,
    reasons     text        not null default ''
);
create index warning_change_task_idx on warning_change (task_id, occurred_at);
create index warning_change_time_idx on warning_change (occurred_at);
