package org.rectify.platform;

import org.rectify.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL killed with SIGKILL in the middle of a burst of writes keeps every write it acknowledged: what the
 * embedded default promises a county (with synchronous commit off, as before, acknowledged writes were lost and a
 * supervision notice's number issued twice). Its own server in a temporary directory, durable as in production.
 */
@SlowTest
class KilledDatabaseTests {

    private static final int WRITERS = 4;

    @TempDir
    Path home;

    @Test
    void every_write_acknowledged_before_the_kill_is_there_after_the_restart() throws Exception {
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        EmbeddedDatabaseServer first = EmbeddedDatabaseServer.start(home, true);
        try {
            JdbcTemplate owner = new JdbcTemplate(first.ownerDataSource());
            owner.execute("create table burst (n bigint primary key, note text not null)");
            owner.execute("grant select, insert on burst to " + EmbeddedDatabaseServer.APPLICATION);

            CountDownLatch enough = new CountDownLatch(200);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long from = w * 1_000_000L;
                running.add(writers.submit(() -> write(first, from, acknowledged, enough)));
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("200 writes acknowledged").isTrue();
            kill(first.postmaster());
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS); // each stops at its first failed write
            }
            writers.shutdown();
        } finally {
            first.close(); // the server is gone already; this releases the data directory's lock
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);

        try (EmbeddedDatabaseServer restarted = EmbeddedDatabaseServer.start(home, true)) {
            Set<Long> found = new HashSet<>(new JdbcTemplate(restarted.applicationDataSource())
                    .queryForList("select n from burst", Long.class));
            assertThat(found).containsAll(acknowledged);
        }
    }

    /** Autocommit inserts, one after another; a number counts as acknowledged once executeUpdate has returned. */
    private static void write(EmbeddedDatabaseServer server, long first, Set<Long> acknowledged, CountDownLatch enough) {
        try (Connection connection = server.applicationDataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into burst (n, note) values (?, ?)")) {
            for (long n = first; ; n++) {
                insert.setLong(1, n);
                insert.setString(2, "督办通知 " + n);
                insert.executeUpdate();
                acknowledged.add(n);
                enough.countDown();
            }
        } catch (Exception killed) {
            // the server died under this writer: what it acknowledged is in the set
        }
    }

    /** SIGKILL to the postmaster and all its children at once: no shutdown, no checkpoint, no flush. */
    private static void kill(ProcessHandle postmaster) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
