-- A command's audit records wait here, written in the command's own transaction (they commit with it or not at all),
-- until the one chain writer links them into audit_entry right after the commit. The command no longer holds the
-- chain's lock through its commit, so commands commit side by side (one fsync each, grouped by PostgreSQL) and the
-- chain's appends are batched. grp: the command's transaction (its records stay neighbours in the chain).
create table audit_pending (
    id     bigint generated always as identity primary key,
    grp    uuid        not null,
    at     timestamptz not null,
    actor  text        not null,
    action text        not null,
    object text        not null,
    change text        not null
);
create index audit_pending_grp_idx on audit_pending (grp);
