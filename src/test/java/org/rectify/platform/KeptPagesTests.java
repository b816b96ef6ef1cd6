package org.rectify.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up (issue 14): the application's own embedded server starts without reading back the pages it kept in memory
 * at its last stop, and they are read back after the start, every one, with the same answers; a command's server still
 * lets autoprewarm read them as it starts (EmbeddedDatabaseClosedTests). Each test starts its own server.
 */
class KeptPagesTests {

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
    void the_applications_server_starts_with_none_of_the_kept_pages_read_and_reads_every_one_after() throws Exception {
        startAgainAfterATableWasKept();
        Path pgData = home.resolve("postgres");
        assertThat(pgData.resolve(KeptPages.LIST)).doesNotExist();
        assertThat(KeptPages.pagesIn(pgData.resolve(KeptPages.SET_ASIDE))).isPositive();
        JdbcTemplate superuser = new JdbcTemplate(server.superuserDataSource());
        superuser.execute("create extension pg_buffercache"); // to look at the buffers without reading the table
        long pages = superuser.queryForObject("select pg_relation_size('kept') / current_setting('block_size')::int", Long.class);
        Thread.sleep(2_000); // time for autoprewarm's worker, which would have read them by now
        assertThat(inMemory(superuser)).as("read while the application starts").isZero();

        long read = server.keptPages().load(() -> false);

        assertThat(read).isGreaterThanOrEqualTo(pages);
        assertThat(inMemory(superuser)).isEqualTo(pages);
        // the first read finds every page in memory, and reads the table in full
        assertThat(String.join("\n", superuser.queryForList("explain (analyze, buffers) select count(*) from kept", String.class)))
                .contains("shared hit=").doesNotContain("read=");
        assertThat(superuser.queryForObject("select count(*) from kept", Long.class)).isEqualTo(20_000);
        // the function it reads them with is the superuser's alone
        JdbcTemplate app = new JdbcTemplate(server.applicationDataSource());
        assertThat(app.queryForObject("select has_schema_privilege('prewarm', 'usage')", Boolean.class)).isFalse();
        assertThat(new JdbcTemplate(server.ownerDataSource()).queryForObject("select has_schema_privilege('prewarm', 'usage')",
                Boolean.class)).isFalse();
    }

    @Test
    void a_stop_stops_the_reading_and_its_shorter_list_does_not_replace_the_one_set_aside() throws Exception {
        startAgainAfterATableWasKept();
        Path aside = home.resolve("postgres").resolve(KeptPages.SET_ASIDE);
        long kept = KeptPages.pagesIn(aside);

        assertThat(server.keptPages().load(() -> true)).as("stopping before the first chunk").isZero();
        server.close(); // writes down the few pages this run had in memory

        server = EmbeddedDatabaseServer.start(home, true, true);
        assertThat(KeptPages.pagesIn(aside)).isEqualTo(kept);
        assertThat(server.keptPages().load(() -> false)).isPositive();
    }

    @Test
    void a_longer_or_equal_list_replaces_the_one_set_aside() throws Exception {
        Path pgData = Files.createDirectories(home.resolve("pgdata"));
        Files.write(pgData.resolve(KeptPages.SET_ASIDE), List.of("<<3>>", "5,1663,16384,0,0", "5,1663,16384,0,1", "5,1663,16384,0,2"));
        Files.write(pgData.resolve(KeptPages.LIST), List.of("<<3>>", "5,1663,16385,0,0", "5,1663,16385,0,1", "5,1663,16385,0,2"));

        KeptPages.setAside(pgData);

        assertThat(pgData.resolve(KeptPages.LIST)).doesNotExist();
        assertThat(Files.readAllLines(pgData.resolve(KeptPages.SET_ASIDE))).contains("5,1663,16385,0,0");
    }

    @Test
    void the_list_is_read_as_ranges_of_consecutive_pages_of_this_database_and_the_shared_catalogs() {
        List<KeptPages.Pages> ranges = KeptPages.ranges(List.of("<<7>>", "0,1664,1262,0,0", "5,1663,16384,0,0",
                "5,1663,16384,0,1", "5,1663,16384,0,2", "5,1663,16384,0,7", "5,1663,16384,1,0", "6,1663,16384,0,3"), 5);

        assertThat(ranges).containsExactly(new KeptPages.Pages(1664, 1262, 0, 0, 0), new KeptPages.Pages(1663, 16384, 0, 0, 2),
                new KeptPages.Pages(1663, 16384, 0, 7, 7), new KeptPages.Pages(1663, 16384, 1, 0, 0));
    }

    /** The application's server, started again after a stop that wrote down a 20,000-row table's pages in memory. */
    private void startAgainAfterATableWasKept() throws Exception {
        server = EmbeddedDatabaseServer.start(home, true, true);
        JdbcTemplate owner = new JdbcTemplate(server.ownerDataSource());
        owner.execute("create table kept (n int, note text)");
        owner.execute("insert into kept select n, repeat('x', 200) from generate_series(1, 20000) n");
        assertThat(owner.queryForObject("select count(*) from kept", Long.class)).isEqualTo(20_000);
        server.close(); // autoprewarm writes down the pages in memory
        server = EmbeddedDatabaseServer.start(home, true, true);
    }

    private static long inMemory(JdbcTemplate superuser) {
        return superuser.queryForObject("select count(*) from pg_buffercache where relfilenode = pg_relation_filenode('kept')"
                + " and relforknumber = 0 and reldatabase = (select oid from pg_database where datname = current_database())", Long.class);
    }
}
