-- Plan intake: drafts under review. A plan text (.txt, .docx, pasted) or a task-breakdown spreadsheet (.xlsx)
-- becomes a draft the office reviews before publishing it into the ledger. Drafts live here, not in an app
-- node's memory, so any node may serve the next request of a review.

create table plan_draft (
    id                bigint generated always as identity primary key,
    source_kind       text        not null check (source_kind in ('TEXT', 'DOCX', 'XLSX')),
    source_name       text,
    -- the text the tasks' source offsets point into (for a spreadsheet: its rows written out as text)
    source_text       text        not null,
    parsed_title      text,
    -- what the office says about the plan when publishing it
    plan_title        text,
    issuing_body      text,
    issued_on         date,
    inspection_name   text,
    inspection_team   text,
    feedback_date     date,
    -- warnings about the plan as a whole: [{"ref": null, "message": "…"}]
    warnings          jsonb       not null default '[]'::jsonb,
    -- the unit whose office took the plan in: offices at or above it see the draft
    owner_unit_id     bigint      not null references unit (id),
    created_by        text        not null,
    created_at        timestamptz not null,
    updated_by        text        not null,
    updated_at        timestamptz not null,
    -- bumped by a change of the header or of the set of tasks; each task keeps its own version
    version           int         not null default 0,
    published_plan_id bigint      references plan (id),
    published_by      text,
    published_at      timestamptz
);
create index plan_draft_owner_idx on plan_draft (owner_unit_id, created_at desc);

-- One task of a draft, as the review screen edits it: ref, title, text, measures, units (resolved or not),
-- deadlines, indicators, obligations, its warnings and its span in the source text, as one JSON document.
create table plan_draft_task (
    id         bigint generated always as identity primary key,
    draft_id   bigint      not null references plan_draft (id) on delete cascade,
    position   int         not null,
    content    jsonb       not null,
    version    int         not null default 0,
    updated_by text        not null,
    updated_at timestamptz not null
);
create index plan_draft_task_draft_idx on plan_draft_task (draft_id, position);
