-- API tokens (issue 14): programs call the API with "Authorization: Bearer <token>" instead of a password, so a
-- request costs one indexed read instead of a bcrypt. The token is a random 256-bit secret shown once; only its
-- SHA-256 is kept (a fast hash suits a secret that cannot be guessed). A token acts as its account, with the
-- account's role and unit at the time of the call, ends at expires_at, and is revoked by setting revoked_at.
create table api_token (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id),
    name        text        not null,
    secret_hash bytea       not null unique,
    prefix      text        not null, -- the first characters, so the owner can tell tokens apart
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index api_token_account_idx on api_token (account_id);
