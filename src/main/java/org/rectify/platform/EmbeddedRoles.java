package org.rectify.platform;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives the embedded database its two roles, as its superuser, at every start (idempotent): the OWNER, who owns
 * the schema and runs the migrations, and the APPLICATION role, a plain login the app connects as (its rights
 * come from the migrations' grants). A database made by an earlier version, where the superuser owned
 * everything, is handed over to the owner in place, so its data stays.
 */
final class EmbeddedRoles {

    static final String SUPERUSER = "postgres";

    /** Objects in public still owned by the superuser (an earlier version's schema) pass to the owner. */
    private static final String HAND_OVER = """
            do $$
            declare
                r record;
            begin
                for r in select c.oid::regclass as name, c.relkind from pg_class c
                         where c.relnamespace = 'public'::regnamespace and c.relowner = 'postgres'::regrole
                           and c.relkind in ('r', 'p', 'v', 'm', 'f') loop
                    execute format('alter %s %s owner to %I', case r.relkind when 'v' then 'view'
                        when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end, r.name, 'rectify_owner');
                end loop;
                -- sequences of identity and serial columns moved with their tables; these are the free-standing ones
                for r in select c.oid::regclass as name from pg_class c
                         where c.relnamespace = 'public'::regnamespace and c.relowner = 'postgres'::regrole
                           and c.relkind = 'S' loop
                    execute format('alter sequence %s owner to %I', r.name, 'rectify_owner');
                end loop;
                for r in select p.oid::regprocedure as name, p.prokind from pg_proc p
                         where p.pronamespace = 'public'::regnamespace and p.proowner = 'postgres'::regrole loop
                    execute format('alter %s %s owner to %I', case r.prokind when 'p' then 'procedure'
                        when 'a' then 'aggregate' else 'function' end, r.name, 'rectify_owner');
                end loop;
                for r in select t.oid::regtype as name from pg_type t
                         where t.typnamespace = 'public'::regnamespace and t.typowner = 'postgres'::regrole
                           and t.typtype in ('e', 'd', 'r') loop
                    execute format('alter type %s owner to %I', r.name, 'rectify_owner');
                end loop;
            end $$""";

    private EmbeddedRoles() {
    }

    static void ensure(Connection superuser, DatabasePasswords passwords) throws SQLException {
        superuser.setAutoCommit(false);
        try (Statement sql = superuser.createStatement()) {
            for (String role : new String[]{EmbeddedDatabaseServer.OWNER, EmbeddedDatabaseServer.APPLICATION}) {
                if (!exists(superuser, role)) {
                    // role names are constants of this class, never input
                    sql.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
                }
            }
            sql.execute("alter schema public owner to " + EmbeddedDatabaseServer.OWNER);
            // trusted extensions (pg_trgm) are created by whoever may create in the database
            sql.execute("grant create on database " + EmbeddedDatabaseServer.DATABASE + " to " + EmbeddedDatabaseServer.OWNER);
            sql.execute(HAND_OVER);
            // nobody else may create objects in the schema (PostgreSQL 15+ already says so; stated for clarity)
            sql.execute("revoke create on schema public from public");
        }
        superuser.commit();
        superuser.setAutoCommit(true);
        // set from the file at every start: the hash is computed here, the password never travels or lands in a log
        PGConnection pg = superuser.unwrap(PGConnection.class);
        for (String role : new String[]{SUPERUSER, EmbeddedDatabaseServer.OWNER, EmbeddedDatabaseServer.APPLICATION}) {
            pg.alterUserPassword(role, passwords.of(role).toCharArray(), "scram-sha-256");
        }
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
