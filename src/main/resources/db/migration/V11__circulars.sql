-- 通报: a circular drafted from the facts of a period (late and missing reports, red tasks, relapses, rankings),
-- edited by the office and published with a number per year. The facts are a snapshot (JSON) taken when the
-- draft is made, so a published circular never changes when the data later does.
create table circular_counter (
    year int primary key,
    last int not null
);

create table circular (
    id           bigint generated always as identity primary key,
    plan_id      bigint references plan (id),
    period_from  date        not null,
    period_to    date        not null,
    status       text        not null check (status in ('DRAFT', 'PUBLISHED')),
    title        text        not null,
    addressees   text        not null,
    body         text        not null,
    issuer_unit  text        not null,
    facts        jsonb       not null,
    -- optimistic lock: an edit names the version it started from; a stale one is refused
    version      int         not null default 0,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_by   text        not null,
    updated_at   timestamptz not null,
    year         int,
    seq          int,
    number       text,
    published_by text,
    published_at timestamptz,
    check (period_to >= period_from),
    check (status = 'DRAFT' or (number is not null and published_at is not null)),
    unique (year, seq)
);
create index circular_created_idx on circular (created_at desc);
