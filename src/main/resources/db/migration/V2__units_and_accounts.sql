-- The unit tree. `path` is the materialised path of ids ('/1/4/17/'), so a subtree is one
-- index range scan (path like '/1/4/%') however deep or wide the tree is.
create table unit (
    id          bigint generated always as identity primary key,
    parent_id   bigint references unit (id),
    name        text        not null,
    level       text        not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    type        text        not null check (type in ('REGION', 'PARTY_COMMITTEE', 'GOVERNMENT', 'DEPARTMENT',
                                                     'COURT', 'PROCURATORATE', 'OFFICE', 'GROUP')),
    path        text collate "C" not null, -- byte order, so a subtree is a range whatever the database's locale
    sort_order  int         not null default 0,
    valid_from  date,
    valid_to    date,
    version     int         not null default 0,
    created_at  timestamptz not null default now(),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create unique index unit_path_key on unit (path);
create index unit_path_prefix_idx on unit (path text_pattern_ops);
create index unit_parent_idx on unit (parent_id);
-- A name designates one current unit; a unit that ceased (valid_to set) frees its name.
create unique index unit_current_name_key on unit (name) where valid_to is null;

-- Other names a unit is written by (市环保局 = 市环境保护局); a rename keeps the old name here.
create table unit_alias (
    id      bigint generated always as identity primary key,
    unit_id bigint not null references unit (id) on delete cascade,
    alias   text   not null unique
);
create index unit_alias_unit_idx on unit_alias (unit_id);

-- A phrase that stands for many units (各县区党委 = the 8 county party committees).
create table unit_group (
    id          bigint generated always as identity primary key,
    name        text not null unique,
    description text
);
create table unit_group_member (
    group_id bigint not null references unit_group (id) on delete cascade,
    unit_id  bigint not null references unit (id),
    primary key (group_id, unit_id)
);
create index unit_group_member_unit_idx on unit_group_member (unit_id);

-- People named as responsible persons. The phone is internal: never shown to the public.
create table person (
    id         bigint generated always as identity primary key,
    name       text        not null,
    post       text,
    unit_id    bigint references unit (id),
    phone      text,
    created_at timestamptz not null default now()
);
create index person_unit_idx on person (unit_id);

create table account (
    id              bigint generated always as identity primary key,
    username        text        not null unique,
    password_hash   text        not null,
    display_name    text        not null,
    unit_id         bigint      not null references unit (id),
    role            text        not null check (role in ('ADMIN', 'OFFICE', 'SUPERVISOR', 'LEADER', 'UNIT_HEAD', 'UNIT_STAFF')),
    enabled         boolean     not null default true,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);
create index account_unit_idx on account (unit_id);
