-- The application connects as ${app_role}, which may read and write rows and nothing more: no DDL, no TRUNCATE,
-- no ownership. Default privileges give it the same on every table and sequence later migrations create (they run
-- as this same owner). Later migrations narrow it further (e.g. REVOKE UPDATE, DELETE on audit tables).
-- Skipped when one role does both (an external database with a single user, or ${app_role} left empty).
do $$
declare
    app text := '${app_role}';
    here text := current_schema();
begin
    if app = '' or app = current_user then
        raise notice 'app_role "%" is the migrating user: no grants needed', app;
        return;
    end if;
    execute format('grant usage on schema %I to %I', here, app);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', here, app);
    execute format('grant usage, select, update on all sequences in schema %I to %I', here, app);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I', here, app);
    execute format('alter default privileges in schema %I grant usage, select, update on sequences to %I', here, app);
    -- the migration history is read (a second node validates it at start), never written, by the application
    execute format('revoke insert, update, delete, truncate on table %I from %I', '${flyway:table}', app);
end $$;
