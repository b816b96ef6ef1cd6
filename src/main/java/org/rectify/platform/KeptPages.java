package org.rectify.platform;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The pages the embedded server had in its shared buffers at its last stop (pg_prewarm's autoprewarm writes their list,
 * {@code autoprewarm.blocks}, at a stop and every few minutes), read back after the application's start instead of
 * during it (start-up, issue 14). Read by autoprewarm's own worker as the server starts, the 100k province's 2 GB of
 * buffers cost PostgreSQL 14-16 s of CPU (its I/O workers copying 262,144 pages), on the two cores the JVM's start
 * needed: the start to a working login took some 9 s longer than the demo's. The list is set aside before the server
 * starts (its worker then finds none and loads nothing; it still writes the list at the stop), and read back through
 * {@code pg_prewarm()} once the web server is open, a chunk at a time with pauses, so the first requests share the
 * machine with it rather than wait behind it. Pages only move into memory: no answer changes, a read of a page not yet
 * loaded reads it itself as before. Only the embedded server of the application itself does this (commands and tests
 * keep autoprewarm's own reading).
 */
final class KeptPages {

    /** autoprewarm's list, where its worker reads it at start and writes it at a stop. */
    static final String LIST = "autoprewarm.blocks";
    /** The list set aside for the reading after the start: kept until a newer list replaces it. */
    static final String SET_ASIDE = "autoprewarm.blocks.after-start";
    /** Pages per statement: 16 MB of 8 kB pages. */
    static final int CHUNK = 2048;
    /** Each chunk is followed by a pause this many times as long as it took: the reading takes at most a third. */
    static final int PAUSE_FACTOR = 2;

    private static final String[] FORKS = {"main", "fsm", "vm", "init"};

    private final Path dataDirectory;
    private final DataSource superuser;

    KeptPages(Path dataDirectory, DataSource superuser) {
        this.dataDirectory = dataDirectory;
        this.superuser = superuser;
    }

    /**
     * Before the server starts: its list moves aside, so autoprewarm's worker reads nothing while the app starts. A
     * shorter list than the one already set aside is dropped instead: a run stopped before it had read its pages back
     * wrote down only those it had (a start, a login and a stop would otherwise shrink the list at every start).
     */
    static void setAside(Path dataDirectory) throws IOException {
        Path list = dataDirectory.resolve(LIST);
        Path aside = dataDirectory.resolve(SET_ASIDE);
        if (!Files.exists(list)) {
            return; // an earlier set-aside list (a run stopped before autoprewarm wrote one) stays
        }
        if (Files.exists(aside) && pagesIn(list) < pagesIn(aside)) {
            Files.delete(list);
        } else {
            Files.move(list, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The count on a list's first line, "<<N>>" (0 for a list without one). */
    static long pagesIn(Path list) throws IOException {
        try (var lines = Files.lines(list)) {
            String first = lines.findFirst().orElse("");
            return first.matches("<<\\d+>>") ? Long.parseLong(first.substring(2, first.length() - 2)) : 0;
        }
    }

    /** A range of consecutive pages of one file and fork, as autoprewarm lists them. */
    record Pages(long tablespace, long file, int fork, long first, long last) {
        long count() {
            return last - first + 1;
        }
    }

    /**
     * Reads the set-aside pages of this database (and the shared catalogs') into the shared buffers, a chunk at a time
     * until done or {@code stopping}; returns how many pages were read. Files gone since (a table dropped or rewritten)
     * are skipped.
     */
    long load(BooleanSupplier stopping) throws IOException, SQLException {
        Path list = dataDirectory.resolve(SET_ASIDE);
        if (!Files.exists(list)) {
            return 0;
        }
        long loaded = 0;
        try (Connection db = superuser.getConnection()) {
            long database = ensureFunction(db);
            List<Pages> ranges = ranges(Files.readAllLines(list), database);
            try (PreparedStatement read = db.prepareStatement("""
                    select coalesce(sum(prewarm.pg_prewarm(r, 'buffer', k, b, least(e, n - 1))), 0)
                    from (select r, k, b, e, pg_relation_size(r, k) / current_setting('block_size')::int8 n
                          from (select pg_filenode_relation(t, f) r, k, b, e
                                from unnest(?::oid[], ?::oid[], ?::text[], ?::int8[], ?::int8[]) as p(t, f, k, b, e)) q
                          where r is not null) s
                    where b < n""")) { // a file gone since (dropped, rewritten) or shorter (truncated) is read as it is
                int next = 0;
                while (next < ranges.size() && !stopping.getAsBoolean()) {
                    List<Pages> chunk = new ArrayList<>();
                    long pages = 0;
                    while (next < ranges.size() && (chunk.isEmpty() || pages + ranges.get(next).count() <= CHUNK)) {
                        pages += ranges.get(next).count();
                        chunk.add(ranges.get(next++));
                    }
                    long started = System.nanoTime();
                    loaded += read(db, read, chunk);
                    pause((System.nanoTime() - started) / 1_000_000 * PAUSE_FACTOR);
                }
            }
        }
        return loaded;
    }

    /** pg_prewarm's functions in a schema of their own that only the superuser may use; returns this database's oid. */
    private static long ensureFunction(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists prewarm");
            sql.execute("revoke all on schema prewarm from public");
            sql.execute("create extension if not exists pg_prewarm with schema prewarm");
            try (ResultSet oid = sql.executeQuery("select oid from pg_database where datname = current_database()")) {
                oid.next();
                return oid.getLong(1);
            }
        }
    }

    /**
     * autoprewarm's list (a count line, then "database,tablespace,file,fork,block" sorted) as ranges of consecutive
     * pages: this database's and the shared catalogs' (database 0); another database's pages are another's to read.
     */
    static List<Pages> ranges(List<String> lines, long database) {
        List<Pages> ranges = new ArrayList<>();
        Pages open = null;
        for (String line : lines) {
            String[] f = line.split(",");
            if (f.length != 5) {
                continue; // the count line "<<N>>"
            }
            long db = Long.parseLong(f[0].strip());
            if (db != database && db != 0) {
                continue;
            }
            long tablespace = Long.parseLong(f[1].strip());
            long file = Long.parseLong(f[2].strip());
            int fork = Integer.parseInt(f[3].strip());
            long block = Long.parseLong(f[4].strip());
            if (fork < 0 || fork >= FORKS.length) {
                continue;
            }
            if (open != null && open.tablespace() == tablespace && open.file() == file && open.fork() == fork
                    && open.last() + 1 == block) {
                open = new Pages(tablespace, file, fork, open.first(), block);
            } else {
                if (open != null) {
                    ranges.add(open);
                }
                open = new Pages(tablespace, file, fork, block, block);
            }
        }
        if (open != null) {
            ranges.add(open);
        }
        return ranges;
    }

    private static long read(Connection db, PreparedStatement read, List<Pages> chunk) throws SQLException {
        Array tablespaces = db.createArrayOf("int8", chunk.stream().map(Pages::tablespace).toArray(Long[]::new));
        Array files = db.createArrayOf("int8", chunk.stream().map(Pages::file).toArray(Long[]::new));
        Array forks = db.createArrayOf("text", chunk.stream().map(p -> FORKS[p.fork()]).toArray(String[]::new));
        Array firsts = db.createArrayOf("int8", chunk.stream().map(Pages::first).toArray(Long[]::new));
        Array lasts = db.createArrayOf("int8", chunk.stream().map(Pages::last).toArray(Long[]::new));
        read.setArray(1, tablespaces);
        read.setArray(2, files);
        read.setArray(3, forks);
        read.setArray(4, firsts);
        read.setArray(5, lasts);
        try (ResultSet rows = read.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
