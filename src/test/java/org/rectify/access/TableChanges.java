package org.rectify.access;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which covered tables changed since the last look, cheaply enough to ask after every request. Every covered table gets
 * a row trigger (and a TRUNCATE trigger) that appends its name to a log in a schema of this probe's own; the log only
 * grows, and only when the change commits, so a table whose count of log rows moved may have changed and one whose count
 * did not has not. Only the tables that moved have their md5 over every row recomputed, and a table is named changed
 * when that digest differs from its last one: a statement that wrote the same values back is no change. Installed on the
 * shared test database for one test and removed after it ({@link #close()}), so that other tests pay nothing. It works as
 * the schema's owner (the application role may not create triggers), on one connection of its own.
 */
final class TableChanges implements AutoCloseable {

    /**
     * Left out: the outbox, the event registry and the scheduler's tables, which jobs write on their own time; the
     * warnings and the dashboard's kept counts, which the reassessment after a command's commit rewrites (derived, never a
     * command's own record); the migrations' history. The accounts and the inbox are covered in part ({@link #PARTLY}).
     */
    private static final List<String> NOT_COVERED = List.of("event_publication", "event_publication_archive", "scheduled_tasks",
            "outbound_message", "account", "flyway_schema_history", "task_warning", "warning_change", "reminder",
            "inbox_message", "insight_count", "insight_month", "insight_task", "insight_deadline", "insight_week", "insight_owed",
            "insight_slot", "insight_task_unit", "insight_task_slot", "insight_pending");

    /** Tables covered in part: the accounts without their session counter, the inbox without its contents' delivery. */
    private static final Map<String, List<String>> PARTLY = Map.of(
            "account", List.of("id", "username", "role", "unit_id", "enabled", "email", "display_name", "password_hash"),
            "inbox_message", List.of("id", "account_id", "read_at"));

    private static final String SCHEMA = "matrix_probe";

    private final SingleConnectionDataSource connection;
    private final JdbcTemplate jdbc;
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, String> digests = new HashMap<>();

    TableChanges(DataSource owner) throws SQLException {
        this.connection = new SingleConnectionDataSource(owner.getConnection(), true);
        this.jdbc = new JdbcTemplate(connection);
        try {
            List<String> whole = jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public' "
                    + "and table_type = 'BASE TABLE' and not (table_name = any (?)) order by 1", String.class,
                    (Object) NOT_COVERED.toArray(String[]::new));
            List<String> tables = java.util.stream.Stream.concat(whole.stream(), PARTLY.keySet().stream().sorted()).toList();
            jdbc.execute("create schema " + SCHEMA);
            jdbc.execute("create table " + SCHEMA + ".change (table_name text not null)");
            jdbc.execute("create function " + SCHEMA + ".changed() returns trigger language plpgsql "
                    + "security definer set search_path = pg_catalog as $$ begin insert into " + SCHEMA + ".change values (TG_TABLE_NAME); return null; end $$");
            for (String table : tables) {
                String update = PARTLY.containsKey(table) ? "update of " + String.join(", ", PARTLY.get(table)) : "update";
                jdbc.execute("create trigger matrix_probe_row after insert or delete or " + update + " on " + quoted(table)
                        + " for each row execute function " + SCHEMA + ".changed()");
                jdbc.execute("create trigger matrix_probe_truncate after truncate on " + quoted(table)
                        + " for each statement execute function " + SCHEMA + ".changed()");
            }
            digests.putAll(digest(Set.copyOf(tables)));
            changed();
        } catch (RuntimeException e) {
            close(); // the triggers would outlive the test
            throw e;
        }
    }

    /** The covered tables whose rows differ from when this was last asked (or from installation). */
    Set<String> changed() {
        Map<String, Long> now = jdbc.query("select table_name, count(*) from " + SCHEMA + ".change group by 1",
                rs -> {
                    Map<String, Long> m = new HashMap<>();
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getLong(2));
                    }
                    return m;
                });
        Set<String> moved = now.entrySet().stream().filter(e -> !e.getValue().equals(counts.get(e.getKey())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        counts.putAll(now);
        Set<String> changed = new TreeSet<>();
        digest(moved).forEach((table, md5) -> {
            if (!md5.equals(digests.put(table, md5))) {
                changed.add(table);
            }
        });
        return changed;
    }

    /** An md5 over every (covered column of every) row of these tables, by table. */
    private Map<String, String> digest(Set<String> of) {
        if (of.isEmpty()) {
            return Map.of();
        }
        String sql = of.stream().map(t -> "select '" + t + "', (select md5(coalesce(string_agg(" + rowDigest(t)
                + ", '' order by " + rowDigest(t) + "), '')) from " + quoted(t) + " x)").collect(Collectors.joining(" union all "));
        return jdbc.query(sql, rs -> {
            Map<String, String> m = new HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
            return m;
        });
    }

    private static String rowDigest(String table) {
        List<String> columns = PARTLY.get(table);
        return columns == null ? "md5(x::text)" : "md5(concat(" + String.join(", ", columns.stream().map(c -> "x." + c).toList()) + "))";
    }

    private static String quoted(String table) {
        return '"' + table.replace("\"", "\"\"") + '"';
    }

    /** Removes the triggers (they depend on the probe's function) and the log. */
    @Override
    public void close() {
        try {
            jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        } finally {
            connection.destroy();
        }
    }
}
