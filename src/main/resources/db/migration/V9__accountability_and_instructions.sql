-- 约谈 / 问责: actions taken against a unit or a person, with the tasks they concern.
create table accountability_action (
    id           bigint generated always as identity primary key,
    type         text        not null check (type in ('CIRCULATED_CRITICISM', 'SUMMONS', 'ADMONITION',
                                                      'ORGANISATIONAL_ACTION', 'DISCIPLINARY_SANCTION', 'OTHER')),
    unit_id      bigint      references unit (id),
    person_name  text,
    person_post  text,
    taken_on     date        not null,
    reason       text        not null,
    decision_ref text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    check (unit_id is not null or person_name is not null)
);
create index accountability_action_unit_idx on accountability_action (unit_id);
create index accountability_action_date_idx on accountability_action (taken_on);

create table accountability_task (
    action_id bigint not null references accountability_action (id) on delete cascade,
    task_id   bigint not null references task (id),
    primary key (action_id, task_id)
);
create index accountability_task_task_idx on accountability_task (task_id);

-- 批示: a leader's written instruction on a task; the lead units answer by a date.
create table leader_instruction (
    id          bigint generated always as identity primary key,
    task_id     bigint      not null references task (id) on delete cascade,
    text        text        not null,
    answer_by   date        not null,
    leader      text        not null,
    leader_account_id bigint not null references account (id),
    given_at    timestamptz not null,
    answer_text text,
    answered_by text,
    answered_at timestamptz
);
create index leader_instruction_task_idx on leader_instruction (task_id);
create index leader_instruction_open_idx on leader_instruction (leader_account_id) where answered_at is null;
