-- 督办单回复的确认: the issuer accepts a reply (the notice is then done) or sends it back with a comment; the unit
-- answers again. A reply sent back is kept here, so the record shows every answer and why it was not enough.
alter table supervision_notice add column accepted_at timestamptz;
alter table supervision_notice add column accepted_by text;

create table notice_reply_sent_back (
    id            bigint generated always as identity primary key,
    notice_id     bigint      not null references supervision_notice (id) on delete cascade,
    reply_text    text        not null,
    replied_by    text        not null,
    replied_at    timestamptz not null,
    comment       text        not null,
    sent_back_by  text        not null,
    sent_back_at  timestamptz not null
);
create index notice_reply_sent_back_notice_idx on notice_reply_sent_back (notice_id);
-- the issuer's replies to accept (the to-do)
create index supervision_notice_to_accept_idx on supervision_notice (issuer_account_id)
    where replied_at is not null and accepted_at is null;
