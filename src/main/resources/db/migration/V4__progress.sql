-- Progress reporting: each plan's reporting cadence and cycles, the reports of lead units (one row per version; a
-- submitted version is never changed again), supporting units' contributions, measurements, obligation records,
-- and the evidence files and links behind them. Sized for a province: 1,000,000 reports, 300,000 evidence files.

-- How often a plan's lead units report: monthly or quarterly on a due day, or on dates the office lists.
create table reporting_cadence (
    plan_id           bigint primary key references plan (id),
    kind              text        not null check (kind in ('MONTHLY', 'QUARTERLY', 'CUSTOM')),
    due_day           int         not null default 25 check (due_day between 1 and 31),
    grace_days        int         not null default 0 check (grace_days between 0 and 60),
    approval_required boolean     not null default false,
    starts_on         date        not null,
    custom_due_dates  date[],
    updated_by        text        not null,
    updated_at        timestamptz not null
);

-- One reporting period of a plan; generated ahead. A report is due on due_on and counts as on time until grace_until.
create table reporting_cycle (
    id           bigint generated always as identity primary key,
    plan_id      bigint not null references plan (id),
    kind         text   not null check (kind in ('MONTHLY', 'QUARTERLY', 'CUSTOM')),
    seq          int    not null,
    period_start date   not null,
    period_end   date   not null,
    due_on       date   not null,
    grace_until  date   not null,
    unique (plan_id, period_start),
    check (period_end >= period_start and grace_until >= due_on)
);
create index reporting_cycle_plan_end_idx on reporting_cycle (plan_id, period_end);

-- What one lead unit owes on one task in one cycle, and where it stands. The one mutable row of a report: its
-- versions (progress_report) are content that never changes once submitted. No row = nothing reported yet.
create table report_slot (
    id                  bigint generated always as identity primary key,
    cycle_id            bigint      not null references reporting_cycle (id),
    task_id             bigint      not null references task (id),
    unit_id             bigint      not null references unit (id),
    state               text        not null check (state in ('DRAFT', 'AWAITING_APPROVAL', 'SUBMITTED', 'RETURNED')),
    latest_report_id    bigint,
    submitted_report_id bigint,
    first_submitted_at  timestamptz,
    updated_at          timestamptz not null,
    -- one slot per task, unit and cycle: a second first report for the same cycle is refused (409)
    unique (cycle_id, task_id, unit_id)
);
-- the matrix (one cycle, a page of tasks) and "due this cycle" (one cycle per plan, the unit's tasks) use the unique
-- index above; the task's indicator history and a unit's obligation compliance use these
create index report_slot_task_idx on report_slot (task_id, cycle_id);
create index report_slot_unit_idx on report_slot (unit_id, cycle_id);

-- One version of a report. Drafts are edited in place; once SUBMITTED the row and its parts are frozen (a trigger
-- refuses any change): a correction is a new row with version + 1 that supersedes the previous one.
create table progress_report (
    id            bigint generated always as identity primary key,
    slot_id       bigint      not null references report_slot (id),
    task_id       bigint      not null references task (id),
    unit_id       bigint      not null references unit (id),
    cycle_id      bigint      not null references reporting_cycle (id),
    version       int         not null check (version >= 1),
    supersedes_id bigint references progress_report (id),
    status        text        not null check (status in ('DRAFT', 'AWAITING_APPROVAL', 'SUBMITTED')),
    work_done     text        not null check (length(btrim(work_done)) > 0),
    phase         text        not null check (phase in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'ONGOING')),
    on_schedule   boolean     not null,
    problems      text,
    next_steps    text,
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    submitted_by  text,
    submitted_at  timestamptz,
    unique (task_id, unit_id, cycle_id, version),
    check (status <> 'SUBMITTED' or submitted_at is not null)
);
create index progress_report_slot_idx on progress_report (slot_id, version);
create index progress_report_supersedes_idx on progress_report (supersedes_id);

alter table report_slot add foreign key (latest_report_id) references progress_report (id);
alter table report_slot add foreign key (submitted_report_id) references progress_report (id);

-- An indicator measured in a report. The indicator is named, not referenced: a task edit rewrites its indicators.
create table measurement (
    id              bigint generated always as identity primary key,
    report_id       bigint  not null references progress_report (id) on delete cascade,
    indicator_name  text    not null,
    value           numeric not null,
    unit_of_measure text,
    as_of           date    not null,
    source          text,
    position        int     not null default 0
);
create index measurement_report_idx on measurement (report_id);

-- A recurring duty done (a meeting held: date, body, topic), counted against the task's obligation of that subject.
create table obligation_record (
    id                 bigint generated always as identity primary key,
    report_id          bigint not null references progress_report (id) on delete cascade,
    obligation_subject text,
    held_on            date   not null,
    body               text,
    topic              text,
    position           int    not null default 0
);
create index obligation_record_report_idx on obligation_record (report_id);

-- A stored file. Content-addressed: the file lives once under its SHA-256 however often it is uploaded; each upload
-- is a row (with its own name). A file is written before its row commits, so no row ever points at a missing file;
-- a file no row references (an interrupted submission) is removed by the clean-up job after an hour.
create table evidence (
    id                  bigint generated always as identity primary key,
    sha256              text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes          bigint      not null check (size_bytes > 0),
    content_type        text        not null,
    file_name           text        not null,
    storage_key         text        not null,
    uploaded_by         text        not null,
    uploaded_by_unit_id bigint references unit (id),
    uploaded_at         timestamptz not null
);
create index evidence_storage_key_idx on evidence (storage_key);

-- Files and links attached to a report version, or to one of its obligation records (the minutes of a meeting).
create table report_attachment (
    id                   bigint generated always as identity primary key,
    report_id            bigint not null references progress_report (id) on delete cascade,
    obligation_record_id bigint references obligation_record (id) on delete cascade,
    evidence_id          bigint references evidence (id),
    url                  text,
    title                text,
    position             int    not null default 0,
    check ((evidence_id is null) <> (url is null))
);
create index report_attachment_report_idx on report_attachment (report_id);
create index report_attachment_evidence_idx on report_attachment (evidence_id);

-- A supporting unit's contribution to a lead unit's report of a cycle. Appended, never changed.
create table report_contribution (
    id           bigint generated always as identity primary key,
    cycle_id     bigint      not null references reporting_cycle (id),
    task_id      bigint      not null references task (id),
    lead_unit_id bigint      not null references unit (id),
    unit_id      bigint      not null references unit (id),
    text         text        not null check (length(btrim(text)) > 0),
    created_by   text        not null,
    created_at   timestamptz not null
);
create index report_contribution_slot_idx on report_contribution (cycle_id, task_id, lead_unit_id);

create table contribution_evidence (
    contribution_id bigint not null references report_contribution (id),
    evidence_id     bigint not null references evidence (id),
    position        int    not null default 0,
    primary key (contribution_id, evidence_id)
);
create index contribution_evidence_evidence_idx on contribution_evidence (evidence_id);

-- Everything that happened to a report: drafted, sent for approval, approved, sent back, submitted, returned.
create table report_event (
    id            bigint generated always as identity primary key,
    slot_id       bigint      not null references report_slot (id),
    report_id     bigint references progress_report (id),
    version       int,
    action        text        not null,
    actor         text        not null,
    actor_unit_id bigint references unit (id),
    comment       text,
    occurred_at   timestamptz not null
);
create index report_event_slot_idx on report_event (slot_id, occurred_at);
create index report_event_report_idx on report_event (report_id);

-- A submitted version is frozen: the database itself refuses to change or delete it, or its parts.
create function progress_report_frozen() returns trigger language plpgsql as $$
begin
    if old.status = 'SUBMITTED' then
        raise exception 'progress report % (version %) was submitted and cannot be changed', old.id, old.version;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;
create trigger progress_report_frozen before update or delete on progress_report
    for each row execute function progress_report_frozen();

create function progress_report_part_frozen() returns trigger language plpgsql as $$
declare
    owner bigint;
begin
    if tg_op = 'INSERT' then
        owner := new.report_id;
    else
        owner := old.report_id;
    end if;
    if exists (select 1 from progress_report r where r.id = owner and r.status = 'SUBMITTED') then
        raise exception 'progress report % was submitted: its % cannot be changed', owner, tg_table_name;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;
create trigger measurement_frozen before insert or update or delete on measurement
    for each row execute function progress_report_part_frozen();
create trigger obligation_record_frozen before insert or update or delete on obligation_record
    for each row execute function progress_report_part_frozen();
create trigger report_attachment_frozen before insert or update or delete on report_attachment
    for each row execute function progress_report_part_frozen();
