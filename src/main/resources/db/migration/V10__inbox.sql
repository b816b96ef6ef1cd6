-- The in-app inbox: one row per account and message. The text is stored as a bundle key with arguments,
-- so each reader sees it in their own language. dedupe_key makes a delivery happen once however often the
-- event is handled (retries, restarts, several app nodes).
create table inbox_message (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    kind        text        not null,
    message_key text        not null,
    args        text        not null default '',
    link        text,
    created_at  timestamptz not null,
    read_at     timestamptz,
    dedupe_key  text        not null,
    unique (account_id, dedupe_key)
);
create index inbox_message_unread_idx on inbox_message (account_id, created_at desc) where read_at is null;
create index inbox_message_account_idx on inbox_message (account_id, created_at desc);
