-- The dashboard's counts kept ready (issue 13): insight's own read model, kept current from the events of plans and
-- supervision and rebuilt from scratch when missing. A task is counted once under each "scope key" that sees it:
--   'A'          every task (administrators)
--   'O' || path  a path in the task's office reach (an office, supervisor or leader of that unit)
--   'U' || path  a path in the task's unit reach (unit staff and heads of that unit)
--   'L' || path  a unit at or above one of its lead units (the ledger's "lead unit with sub-units" filter)
-- so a scope's figures are a sum over one key's rows, an index range scan, whatever the number of tasks.

-- each task's last counted contribution: what to take away when it changes
create table insight_task (
    task_id     bigint primary key,
    plan_id     bigint not null,
    section     text   not null,   -- the top-level section the ledger's section filter finds it in ('' none)
    status      text   not null,
    schedule    text   not null,   -- supervision's schedule status ('' not yet assessed)
    level       text   not null,   -- supervision's warning level ('' not yet assessed)
    due_month   date,              -- the deadline's month (burn-up: due)
    closed_month date,             -- the month of its last closing while closed (burn-up: closed)
    keys        text[] not null
);

create table insight_count (
    scope_key text    not null,
    plan_id   bigint  not null,
    section   text    not null,
    status    text    not null,
    schedule  text    not null,
    level     text    not null,
    tasks     integer not null,
    primary key (scope_key, plan_id, section, status, schedule, level)
);

create table insight_month (
    scope_key text    not null,
    plan_id   bigint  not null,
    section   text    not null,
    month     date    not null,
    due       integer not null,
    closed    integer not null,
    primary key (scope_key, plan_id, section, month)
);
