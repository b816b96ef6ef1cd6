package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application reads and writes rows as a role that can do nothing else; the schema belongs to the owner, who ran
 * the migrations. The tests run on this very setup (the shared context's DataSource is the application role).
 */
@IntegrationTest
class DatabaseRolesTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedDatabaseServer server;

    @Test
    void the_application_connects_as_a_role_that_is_no_superuser_and_owns_nothing() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        assertThat(app.queryForObject("select current_user", String.class)).isEqualTo(EmbeddedDatabaseServer.APPLICATION);
        assertThat(app.queryForObject("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles "
                + "where rolname = current_user", Boolean.class)).isFalse();
        assertThat(app.queryForObject("select count(*) from pg_class where relowner = current_user::regrole", Integer.class))
                .isZero();
    }

    @Test
    void the_migrations_ran_as_the_owner_who_owns_every_table() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        assertThat(app.queryForList("select distinct installed_by from flyway_schema_history", String.class))
                .containsExactly(EmbeddedDatabaseServer.OWNER);
        assertThat(app.queryForList("select distinct tableowner from pg_tables where schemaname = 'public'", String.class))
                .containsExactly(EmbeddedDatabaseServer.OWNER);
    }

    @Test
    void the_application_may_read_and_write_every_table_and_sequence_but_not_the_migration_history() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        List<String> lacking = app.queryForList("""
                select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
                   and relname <> 'flyway_schema_history'
                   and not has_table_privilege(current_user, oid, 'select, insert, update, delete')
                """, String.class);
        // the audit tables (a later migration) are the deliberate exception: append and read only
        assertThat(lacking).allMatch(table -> table.startsWith("audit"));
        assertThat(app.queryForList("""
                select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S'
                   and not has_sequence_privilege(current_user, oid, 'usage, select, update')
                """, String.class)).isEmpty();
        assertThat(app.queryForObject("select has_table_privilege(current_user, 'flyway_schema_history', 'insert, update, delete')",
                Boolean.class)).isFalse();
    }

    @Test
    void the_application_can_neither_change_the_schema_nor_empty_a_table() {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        assertThatThrownBy(() -> app.execute("create table intruder (id int)")).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.execute("truncate outbound_message")).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.execute("alter table account add column extra text")).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> app.execute("drop table account")).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> app.execute("update flyway_schema_history set success = false")).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void a_table_a_later_migration_creates_is_open_to_the_application_at_once() {
        JdbcTemplate owner = new JdbcTemplate(server.ownerDataSource());
        owner.execute("create table later_migration_probe (id bigint generated always as identity primary key, note text)");
        try {
            JdbcTemplate app = new JdbcTemplate(dataSource);
            app.update("insert into later_migration_probe (note) values ('written by the application')");
            app.update("update later_migration_probe set note = 'changed'");
            assertThat(app.queryForObject("select note from later_migration_probe", String.class)).isEqualTo("changed");
            assertThat(app.update("delete from later_migration_probe")).isEqualTo(1);
        } finally {
            owner.execute("drop table later_migration_probe");
        }
    }
}
