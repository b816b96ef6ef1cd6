-- 回头看 (look-back): closed tasks are checked again after a while so that they stay closed.

-- plans: a reopening recorded as a relapse (反弹); circulars count these, not every REOPEN.
alter table task_history add column relapse boolean not null default false;
create index task_history_relapse_idx on task_history (occurred_at) where relapse;

-- closure: each plan's look-back rounds, in months after closing (default 6 and 12), and their checking unit
-- (null: the unit whose office runs the plan).
create table look_back_settings (
    plan_id          bigint primary key references plan (id) on delete cascade,
    months           text   not null,
    checking_unit_id bigint references unit (id)
);

-- a campaign (专项回头看) the office starts over chosen closed tasks: a section, a unit subtree or a list of refs
create table look_back_campaign (
    id               bigint generated always as identity primary key,
    plan_id          bigint      not null references plan (id) on delete cascade,
    title            text        not null,
    selection        text        not null,
    checking_unit_id bigint      not null references unit (id),
    due_on           date        not null,
    started_by       text        not null,
    started_at       timestamptz not null
);
create index look_back_campaign_plan_idx on look_back_campaign (plan_id);

create table look_back (
    id               bigint generated always as identity primary key,
    task_id          bigint      not null references task (id) on delete cascade,
    -- the round (months after closing) that scheduled it, or the campaign that did
    round_months     int,
    campaign_id      bigint      references look_back_campaign (id) on delete cascade,
    closed_on        date        not null,
    checking_unit_id bigint      not null references unit (id),
    due_on           date        not null,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'HELD', 'RELAPSED', 'WITHDRAWN')),
    findings         text,
    recorded_by      text,
    recorded_at      timestamptz,
    created_at       timestamptz not null,
    check (round_months is not null or campaign_id is not null)
);
-- a closing schedules each round once, however often its event is handled
create unique index look_back_round_key on look_back (task_id, closed_on, round_months) where round_months is not null;
create unique index look_back_campaign_key on look_back (campaign_id, task_id) where campaign_id is not null;
create index look_back_task_idx on look_back (task_id);
create index look_back_pending_idx on look_back (due_on) where status = 'PENDING';
create index look_back_unit_idx on look_back (checking_unit_id);

-- the evidence files (progress's rows and files) recorded with a look-back
create table look_back_evidence (
    look_back_id bigint not null references look_back (id) on delete cascade,
    evidence_id  bigint not null references evidence (id),
    position     int    not null default 0,
    primary key (look_back_id, evidence_id)
);
create index look_back_evidence_evidence_idx on look_back_evidence (evidence_id);

-- reminders of a look-back's due date, one per stage
create table look_back_reminder (
    look_back_id bigint      not null references look_back (id) on delete cascade,
    stage        int         not null,
    days         int         not null,
    sent_on      date        not null,
    primary key (look_back_id, stage)
);

-- supervision: an accountability record proposed by the system (a relapse of a closed task), which the office
-- confirms (it becomes an accountability action) or dismisses with a reason
create table accountability_proposal (
    id          bigint generated always as identity primary key,
    task_id     bigint      not null references task (id) on delete cascade,
    unit_id     bigint      references unit (id),
    reason      text        not null,
    proposed_at timestamptz not null,
    decision    text        check (decision in ('CONFIRMED', 'DISMISSED')),
    decided_by  text,
    decided_at  timestamptz,
    decision_note text,
    action_id   bigint      references accountability_action (id)
);
create index accountability_proposal_task_idx on accountability_proposal (task_id);
create index accountability_proposal_open_idx on accountability_proposal (proposed_at) where decision is null;
