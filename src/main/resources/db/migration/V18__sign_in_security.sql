-- Sign-in security (issue 9, holes 4 and 5).
-- Failed sign-ins are counted per client address and per submitted name (known or not, so the answer never tells
-- which names exist) in login_throttle; nothing is written while sign-ins succeed. The old hard lock, which any
-- outsider could set off against any account, goes.
create table login_throttle (
    key             text        primary key, -- 'ip:10.1.2.3' or 'name:office'
    failures        int         not null,
    last_failure_at timestamptz not null
);
create index login_throttle_last_failure_idx on login_throttle (last_failure_at);

alter table account drop column failed_attempts;
alter table account drop column locked_until;
-- Raised whenever the account's sessions must end (disabled, role or unit changed, password reset): a session
-- signed in under an older value is refused on its next request, on whichever node it arrives.
alter table account add column session_version int not null default 0;
-- Set by an administrator's password reset: the one-time password works only to choose a new one.
alter table account add column must_change_password boolean not null default false;
