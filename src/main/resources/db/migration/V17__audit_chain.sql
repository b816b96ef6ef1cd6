-- The audit chain (audit module): one append-only line of entries, each hashing its predecessor, so that an
-- altered, removed or inserted entry breaks every hash after it. The hash covers seq, at, actor, action, object,
-- digest and prev_hash (see org.rectify.audit.AuditHash); digest is the SHA-256 of change, the event as canonical JSON.
create table audit_entry (
    seq       bigint      not null primary key,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    object    text        not null,
    change    text        not null,
    digest    char(64)    not null,
    prev_hash char(64)    not null,
    hash      char(64)    not null
);
create index audit_entry_object_idx on audit_entry (object, seq);

-- The chain head as it stood at the end of each day; published, so a rewrite of the whole chain still disagrees
-- with an anchor someone kept.
create table audit_anchor (
    day         date        not null primary key,
    seq         bigint      not null,
    hash        char(64)    not null,
    recorded_at timestamptz not null
);

-- Append-only for everyone: the trigger refuses UPDATE and DELETE even for the owner unless it first disables the
-- trigger (which the tamper tests do, and which leaves the chain to tell). TRUNCATE is left to the grants below: the
-- owner empties every table of a fresh schema when it restores a backup into it.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit tables are append-only (% on %)', tg_op, tg_table_name using errcode = '42501';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_anchor_append_only before update or delete on audit_anchor
    for each row execute function audit_append_only();

-- The application's role may read and append, never rewrite: V15's default privileges gave it UPDATE and DELETE on
-- every new table; take them back here (and TRUNCATE, should anyone grant it). Skipped when one role does both.
do $$
declare
    app text := '${app_role}';
begin
    if app = '' or app = current_user then
        raise notice 'app_role "%" is the migrating user: the append-only triggers alone guard the audit tables', app;
        return;
    end if;
    execute format('revoke update, delete, truncate on table audit_entry, audit_anchor from %I', app);
    execute format('grant select, insert on table audit_entry, audit_anchor to %I', app);
end $$;
