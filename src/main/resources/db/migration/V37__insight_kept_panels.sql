-- The dashboard's other panels kept ready too (issue 13), in the scope keys of V32: the span of the plans' time (last
-- deadline), the warning trend per week, and the reporting ranking (report slots on time and late per lead unit × cycle,
-- beside the reports each lead unit owes a cycle). Kept in the command's transaction like the counts.

-- Published by progress (its API, progress.api): the day a report of a task × unit × cycle first counted as submitted,
-- the fact circulars and the ranking judge on time by. One table, inlined by PostgreSQL.
create view progress_slot_submitted as
select cycle_id, task_id, unit_id, first_submitted_at
from report_slot
where first_submitted_at is not null;

-- Published by progress: each measurement of an indicator in the counted version of a submitted report (the
-- dashboard shows an indicator's last one). Joins measurement to report_slot by their indexes.
create view progress_measurement as
select m.id, s.task_id, m.indicator_name, m.value, m.as_of
from measurement m
join report_slot s on s.submitted_report_id = m.report_id;

-- Published by supervision (its API, supervision.api): the recorded changes of a task's warning level.
create view supervision_level_change as
select task_id, occurred_at, to_level
from warning_change;

-- each task's exact deadline and the weeks it entered a level, to take away when it changes
alter table insight_task add column deadline date;
alter table insight_task add column level_weeks text[] not null default '{}'; -- 'yyyy-mm-dd:RED' (the week's Monday)

-- tasks by exact deadline: the headline's 序时进度 ends at the last one
create table insight_deadline (
    scope_key text    not null,
    plan_id   bigint  not null,
    section   text    not null,
    deadline  date    not null,
    tasks     integer not null,
    primary key (scope_key, plan_id, section, deadline)
);

-- recorded changes of level by the week (Monday) they happened in
create table insight_week (
    scope_key text    not null,
    plan_id   bigint  not null,
    section   text    not null,
    week      date    not null,
    red       integer not null,
    yellow    integer not null,
    blue      integer not null,
    primary key (scope_key, plan_id, section, week)
);

-- The reporting ranking. A reporting task owes every cycle of its plan one report per lead unit (as DueReports counts).
-- Its lead unit's reports are seen under 'A', 'U'/'O' || each path at and above the unit, and 'O' || each path at and
-- above the plan's owner (the office governing the plan reads every lead unit's reporting).
create table insight_task_unit (  -- a reporting task's lead units and their keys, to take away when it changes
    task_id bigint not null,
    unit_id bigint not null,
    plan_id bigint not null,
    keys    text[] not null,
    primary key (task_id, unit_id)
);

create table insight_task_slot (  -- its lead units' reports submitted, and whether after the cycle's grace period
    task_id  bigint  not null,
    unit_id  bigint  not null,
    cycle_id bigint  not null,
    late     boolean not null,
    primary key (task_id, unit_id, cycle_id)
);

create table insight_owed (       -- reports a lead unit owes each cycle of the plan
    scope_key text    not null,
    plan_id   bigint  not null,
    unit_id   bigint  not null,
    reports   integer not null,
    primary key (scope_key, plan_id, unit_id)
);

create table insight_slot (       -- of those, the ones submitted on time and late, per cycle (of the plan)
    scope_key text    not null,
    cycle_id  bigint  not null,
    unit_id   bigint  not null,
    on_time   integer not null,
    late      integer not null,
    primary key (scope_key, cycle_id, unit_id)
);

-- counted afresh at the next start (KeptCounts.stale finds them empty)
truncate insight_task, insight_count, insight_month;
