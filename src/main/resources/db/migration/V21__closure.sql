-- 销号: a task is closed only after its lead unit applied, the acceptance unit verified, the office approved and the
-- public saw it for the notice period without an objection left open. One row per attempt; a returned attempt stays.

-- A plan's closure rules; a plan without a row uses the defaults (the five conditions of the design, no head
-- sign-off, the office approves, 7 calendar days' notice).
create table closure_settings (
    plan_id          bigint primary key references plan (id) on delete cascade,
    conditions       text    not null,
    head_sign_off    boolean not null default false,
    approver         text    not null default 'OFFICE' check (approver in ('OFFICE', 'LEADER')),
    notice_days      int     not null default 7 check (notice_days between 1 and 60),
    notice_day_count text    not null default 'CALENDAR_DAYS' check (notice_day_count in ('CALENDAR_DAYS', 'WORKING_DAYS'))
);

create table closure_counter (
    year int primary key,
    last int not null
);

create table closure (
    id                 bigint generated always as identity primary key,
    task_id            bigint      not null references task (id),
    attempt            int         not null,
    kind               text        not null check (kind in ('CLOSURE', 'STAGE_CONFIRMATION')),
    stage              text        not null,
    version            int         not null default 0,
    statement          text        not null,
    applicant          text        not null,
    applicant_unit_id  bigint      not null references unit (id),
    applied_at         timestamptz not null,
    signed_off_by      text,
    signed_off_at      timestamptz,
    acceptance_unit_id bigint references unit (id),
    on_site_required   boolean     not null default false,
    approved_by        text,
    approved_at        timestamptz,
    notice_from        date,
    notice_until       date,
    returned_by        text,
    returned_at        timestamptz,
    returned_reason    text,
    closed_by          text,
    closed_at          timestamptz,
    year               int,
    seq                int,
    number             text unique,
    last_actor         text        not null,
    updated_at         timestamptz not null,
    unique (task_id, attempt)
);
-- at most one attempt in flight per task
create unique index closure_one_open_idx on closure (task_id) where stage not in ('RETURNED', 'CLOSED', 'CONFIRMED');
create index closure_stage_idx on closure (stage);

-- The application's self-check: one row per deliverable, indicator or closure condition, with the unit's answer.
create table closure_answer (
    closure_id bigint  not null references closure (id) on delete cascade,
    position   int     not null,
    kind       text    not null check (kind in ('MILESTONE', 'INDICATOR', 'CONDITION')),
    subject    text    not null,
    target     text,
    last_value text,
    achieved   boolean not null,
    text       text    not null,
    primary key (closure_id, position)
);

-- 核查验收: each verification of an attempt (an upheld objection sends it back for another).
create table closure_verification (
    id          bigint generated always as identity primary key,
    closure_id  bigint      not null references closure (id) on delete cascade,
    verified_on date        not null,
    members     text        not null,
    method      text        not null check (method in ('ON_SITE', 'DOCUMENTS', 'THIRD_PARTY')),
    findings    text        not null,
    passed      boolean     not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index closure_verification_closure_idx on closure_verification (closure_id);

-- Files of an application (verification_id null) or of a verification; photos keep what their EXIF says.
create table closure_evidence (
    closure_id      bigint not null references closure (id) on delete cascade,
    verification_id bigint references closure_verification (id) on delete cascade,
    evidence_id     bigint not null references evidence (id),
    position        int    not null default 0,
    taken_at        timestamp,
    taken_lat       numeric(9, 6),
    taken_lon       numeric(9, 6)
);
create index closure_evidence_closure_idx on closure_evidence (closure_id);
create index closure_evidence_evidence_idx on closure_evidence (evidence_id);

-- 异议: from the public, without an account. The contact is for the office only; client_key is a hash of the
-- client's address, kept for the rate limit, never shown.
create table closure_objection (
    id          bigint generated always as identity primary key,
    closure_id  bigint      not null references closure (id) on delete cascade,
    text        text        not null,
    contact     text,
    evidence_id bigint references evidence (id),
    client_key  text        not null,
    received_at timestamptz not null,
    upheld      boolean,
    answer      text,
    answered_by text,
    answered_at timestamptz
);
create index closure_objection_closure_idx on closure_objection (closure_id);
create index closure_objection_client_idx on closure_objection (client_key, received_at);
