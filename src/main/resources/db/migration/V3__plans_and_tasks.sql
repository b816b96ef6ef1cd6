create extension if not exists pg_trgm;

create table inspection (
    id            bigint generated always as identity primary key,
    name          text        not null,
    team          text,
    feedback_date date,
    created_at    timestamptz not null default now()
);

create table finding (
    id            bigint generated always as identity primary key,
    inspection_id bigint not null references inspection (id) on delete cascade,
    ref           text,
    text          text   not null
);
create index finding_inspection_idx on finding (inspection_id);

create table plan (
    id            bigint generated always as identity primary key,
    inspection_id bigint      references inspection (id),
    title         text        not null,
    issuing_body  text,
    issued_on     date,
    -- the unit whose office runs the plan: its office, supervisors and leaders see all of the plan's tasks
    owner_unit_id bigint      references unit (id),
    created_at    timestamptz not null default now()
);
create index plan_owner_idx on plan (owner_unit_id);

create table task (
    id                    bigint generated always as identity primary key,
    plan_id               bigint      not null references plan (id),
    finding_id            bigint      references finding (id),
    ref                   text        not null,
    position              int         not null default 0,
    title                 text,
    text                  text        not null,
    measures              text,
    responsible_person_id bigint      references person (id),
    status                text        not null default 'DRAFT'
        check (status in ('DRAFT', 'ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'CLOSED', 'ONGOING', 'REOPENED', 'CANCELLED')),
    ongoing               boolean     not null default false,
    -- the last deadline of the task (max over milestones), kept for filtering and sorting the ledger
    deadline              date,
    version               int         not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    unique (plan_id, ref)
);
create index task_plan_position_idx on task (plan_id, position);
create index task_status_idx on task (status);
create index task_deadline_idx on task (deadline);
create index task_responsible_idx on task (responsible_person_id);
-- free text in Chinese: trigram indexes serve substring (ILIKE '%…%') search
create index task_title_trgm_idx on task using gin (title gin_trgm_ops);
create index task_text_trgm_idx on task using gin (text gin_trgm_ops);
create index task_measures_trgm_idx on task using gin (measures gin_trgm_ops);

-- Lead and supporting units. A unit named through a group (各县区党委) is stored as each member,
-- with the group remembered, so scope checks stay one indexed join and the page can show the group.
create table task_unit (
    task_id      bigint not null references task (id) on delete cascade,
    unit_id      bigint not null references unit (id),
    role         text   not null check (role in ('LEAD', 'SUPPORTING')),
    via_group_id bigint references unit_group (id),
    position     int    not null default 0,
    primary key (task_id, role, unit_id)
);
create index task_unit_unit_idx on task_unit (unit_id, task_id);

create table milestone (
    id          bigint generated always as identity primary key,
    task_id     bigint not null references task (id) on delete cascade,
    due_on      date   not null,
    deliverable text   not null,
    phrase      text,
    position    int    not null default 0
);
create index milestone_task_idx on milestone (task_id);

create table indicator (
    id              bigint generated always as identity primary key,
    task_id         bigint  not null references task (id) on delete cascade,
    name            text    not null,
    comparator      text    not null check (comparator in ('>=', '<=', '=')),
    target_value    numeric not null,
    unit_of_measure text,
    due_on          date,
    baseline        numeric,
    phrase          text,
    position        int     not null default 0
);
create index indicator_task_idx on indicator (task_id);

create table obligation (
    id        bigint generated always as identity primary key,
    task_id   bigint not null references task (id) on delete cascade,
    subject   text   not null,
    at_least  int    not null check (at_least > 0),
    per       text   not null check (per in ('WEEK', 'MONTH', 'QUARTER', 'YEAR')),
    starts_on date,
    phrase    text,
    position  int    not null default 0
);
create index obligation_task_idx on obligation (task_id);

-- Everything that happened to a task: transitions and edits, with actor, time and reason.
create table task_history (
    id          bigint generated always as identity primary key,
    task_id     bigint      not null references task (id) on delete cascade,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    from_status text,
    to_status   text,
    reason      text,
    changes      text,
    -- the task's version after this entry: a stale editor is told what changed since their version
    task_version int
);
create index task_history_task_idx on task_history (task_id, occurred_at);
