package org.rectify.platform;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a county running the embedded default gets: a durable server that listens on loopback only, asks every
 * connection for a password, and an application that is no superuser. Each test starts its own server, as
 * production does (not the shared test context's throw-away one).
 */
class EmbeddedDatabaseClosedTests {

    @TempDir
    Path home;

    EmbeddedDatabaseServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void production_gets_a_durable_server_on_loopback_with_no_jit_and_a_quarter_of_memory_for_buffers() throws Exception {
        server = EmbeddedDatabaseServer.start(home, true);
        JdbcTemplate app = new JdbcTemplate(server.applicationDataSource());
        assertThat(show(app, "fsync")).isEqualTo("on");
        assertThat(show(app, "synchronous_commit")).isEqualTo("on");
        assertThat(show(app, "full_page_writes")).isEqualTo("on");
        assertThat(show(app, "listen_addresses")).isEqualTo("localhost");
        assertThat(show(app, "password_encryption")).isEqualTo("scram-sha-256");
        assertThat(show(app, "jit")).isEqualTo("off");
        assertThat(app.queryForObject("select setting::bigint * current_setting('block_size')::bigint / 1048576 || 'MB' from pg_settings"
                + " where name = 'shared_buffers'", String.class))
                .isEqualTo(SharedBuffers.forMemory(SharedBuffers.physicalMemory()));
    }

    @Test
    void every_connection_needs_its_password_and_the_application_is_no_superuser() throws Exception {
        server = EmbeddedDatabaseServer.start(home, true);
        Path pgData = home.resolve("postgres");
        assertThat(Files.readAllLines(pgData.resolve("pg_hba.conf")))
                .noneMatch(line -> line.matches("\\s*[^#].*\\btrust\\b.*"))
                .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                .isNotEmpty().allMatch(line -> line.endsWith("scram-sha-256"));
        Path passwords = home.resolve(DatabasePasswords.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
        assertThat(Files.readString(passwords)).contains(EmbeddedDatabaseServer.OWNER, EmbeddedDatabaseServer.APPLICATION);

        for (String role : new String[]{"postgres", EmbeddedDatabaseServer.OWNER, EmbeddedDatabaseServer.APPLICATION}) {
            assertThatThrownBy(() -> connect(role, null).close()).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(role, "wrong").close()).hasMessageContaining("password authentication failed");
        }
        try (Connection c = connect(EmbeddedDatabaseServer.APPLICATION, server.password(EmbeddedDatabaseServer.APPLICATION))) {
            var rows = c.createStatement().executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user");
            rows.next();
            assertThat(rows.getBoolean(1) || rows.getBoolean(2) || rows.getBoolean(3)).isFalse();
        }
        assertThat(new JdbcTemplate(server.ownerDataSource()).queryForObject(
                "select rolsuper from pg_roles where rolname = current_user", Boolean.class)).isFalse();
    }

    @Test
    void the_passwords_of_the_first_start_open_the_database_at_the_next() throws Exception {
        server = EmbeddedDatabaseServer.start(home, true);
        String password = server.password(EmbeddedDatabaseServer.APPLICATION);
        new JdbcTemplate(server.ownerDataSource()).execute("create table kept (note text)");
        new JdbcTemplate(server.ownerDataSource()).execute("insert into kept values ('still here')");
        server.close();

        server = EmbeddedDatabaseServer.start(home, true);
        assertThat(server.password(EmbeddedDatabaseServer.APPLICATION)).isEqualTo(password);
        assertThat(new JdbcTemplate(server.ownerDataSource()).queryForObject("select note from kept", String.class))
                .isEqualTo("still here");
    }

    @Test
    void the_pages_in_memory_at_a_stop_are_in_memory_again_after_the_next_start() throws Exception {
        server = EmbeddedDatabaseServer.start(home, true);
        JdbcTemplate owner = new JdbcTemplate(server.ownerDataSource());
        owner.execute("create table kept (n int, note text)");
        owner.execute("insert into kept select n, repeat('x', 200) from generate_series(1, 20000) n");
        assertThat(owner.queryForObject("select count(*) from kept", Long.class)).isEqualTo(20_000);
        String file = owner.queryForObject("select pg_relation_filenode('kept')::text", String.class);
        server.close();
        // written at the stop: one line per page, "database,tablespace,file node,fork,block"
        assertThat(Files.readAllLines(home.resolve("postgres").resolve("autoprewarm.blocks")))
                .anyMatch(line -> line.split(",").length == 5 && line.split(",")[2].equals(file));

        server = EmbeddedDatabaseServer.start(home, true);
        JdbcTemplate superuser = new JdbcTemplate(server.superuserDataSource());
        superuser.execute("create extension pg_buffercache"); // to look at the buffers without reading the table
        long pages = superuser.queryForObject("select pg_relation_size('kept') / current_setting('block_size')::int", Long.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        long inMemory;
        do { // the background worker loads them once the server accepts connections
            Thread.sleep(100);
            inMemory = superuser.queryForObject("select count(*) from pg_buffercache where relfilenode = pg_relation_filenode('kept') and relforknumber = 0"
                    + " and reldatabase = (select oid from pg_database where datname = current_database())", Long.class);
        } while (inMemory < pages && System.nanoTime() < deadline);
        assertThat(inMemory).isEqualTo(pages);
        // so the first read after the start finds every page in memory, and reads the table in full
        assertThat(String.join("\n", superuser.queryForList("explain (analyze, buffers) select count(*) from kept", String.class)))
                .contains("shared hit=").doesNotContain("read=");
        assertThat(superuser.queryForObject("select count(*) from kept", Long.class)).isEqualTo(20_000);
        assertThat(show(superuser, "shared_preload_libraries")).isEqualTo("pg_prewarm");
    }

    @Test
    void a_database_of_an_earlier_version_is_closed_and_handed_to_the_owner_in_place_with_its_data() throws Exception {
        // as rectify made it before: zonky's trusting initdb, the superuser owns the schema, migrations up to V14
        Path pgData = Files.createDirectories(home.resolve("postgres"));
        try (var old = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration").target("14")
                    .load().migrate();
            new JdbcTemplate(old.getPostgresDatabase()).update(
                    "insert into unit (name, level, type, path) values ('老数据局', 'CITY', 'GOVERNMENT', '/')");
        }

        server = EmbeddedDatabaseServer.start(home, true);
        Flyway.configure().dataSource(server.ownerDataSource()).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", EmbeddedDatabaseServer.APPLICATION)).load().migrate();

        JdbcTemplate app = new JdbcTemplate(server.applicationDataSource());
        assertThat(app.queryForObject("select count(*) from unit where name = '老数据局'", Integer.class)).isEqualTo(1);
        app.update("update unit set name = '老数据局（改）' where name = '老数据局'");
        assertThat(app.queryForList("select distinct tableowner from pg_tables where schemaname = 'public'", String.class))
                .containsExactly(EmbeddedDatabaseServer.OWNER);
        assertThat(PasswordOnlyAccess.isClosed(pgData)).isTrue();
        assertThatThrownBy(() -> connect("postgres", null).close()).hasMessageContaining("password");
    }

    private Connection connect(String role, String password) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server.jdbcUrl());
        ds.setUser(role);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds.getConnection();
    }

    private static String show(JdbcTemplate jdbc, String setting) {
        return jdbc.queryForObject("show " + setting, String.class);
    }
}
