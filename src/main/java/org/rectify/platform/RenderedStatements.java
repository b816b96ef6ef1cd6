package org.rectify.platform;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.tools.LoggerListener;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Statements rendered once per shape and kept (the task ledger's, a report's kept counts): a flight recording put 40 % of a ledger request's CPU in
 * jOOQ building each statement's SQL afresh (issue 14). The SQL is rendered with its values inlined (by jOOQ, escaped
 * as literals), so the key must name everything the statement is built from: the scope, the filter with its page, and
 * any value read to build it (a lead unit's path). The same text each time also lets the driver keep the statement
 * prepared on each connection, so PostgreSQL plans it once instead of at every request.
 */
@Component
public class RenderedStatements {

    private static final int KEPT = 2_000;

    private static final SQLExceptionTranslator TRANSLATOR = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");

    /** jOOQ's statement log, which the benchmark's SQL floor and the tests counting statements read. */
    private static final Logger STATEMENTS = LoggerFactory.getLogger(LoggerListener.class);

    /** One row of a result set as a value, read by column number. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DSLContext db;
    /** Sent before a statement run on its generic plan ({@link #rowsOnGenericPlan}): for its transaction alone. */
    private final String genericPlan;
    /** Sent before a statement planned without parallel workers ({@link #rowsWithoutParallelWorkers}), as above. */
    private final String withoutParallelWorkers;
    private final Map<Object, String> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, String> eldest) {
            return size() > KEPT;
        }
    });

    public RenderedStatements(DSLContext db) {
        this.db = db;
        this.genericPlan = sentAhead(TransactionSetting.statement("plan_cache_mode", "force_generic_plan"));
        this.withoutParallelWorkers = sentAhead(TransactionSetting.withoutParallelWorkers());
    }

    /** The SQL of the statement {@code key} names, rendered from {@code statement} the first time. */
    public String sql(Object key, Supplier<? extends QueryPart> statement) {
        String sql = kept.get(key);
        if (sql == null) {
            sql = db.renderInlined(statement.get());
            kept.put(key, sql);
        }
        return sql;
    }

    /**
     * The SQL of a statement whose one bind value is the id it reads by (a {@code ?} given at each execution), rendered
     * the first time: one task's statements are the same for every task (and scope), only the id differs.
     */
    public String sqlById(Object key, Supplier<? extends Query> statement) {
        String sql = kept.get(key);
        if (sql == null) {
            Query query = statement.get();
            if (query.getBindValues().size() != 1) { // anything else bound would be lost: inline it when building
                throw new IllegalStateException("one bind value expected, the id: " + query.getBindValues());
            }
            sql = db.render(query);
            kept.put(key, sql);
        }
        return sql;
    }

    /**
     * The SQL of a statement whose bind values are {@code binds}, in this order, given again at each execution
     * ({@code db.query(sql, binds)}), rendered the first time: the key names the statement's shape (e.g. the number of
     * rows it writes), never a value. Refused when the built statement binds anything else (it would be lost): build
     * what does not change as inlined literals.
     */
    public String sqlWithBinds(Object key, Supplier<? extends Query> statement, List<?> binds) {
        String sql = kept.get(key);
        if (sql == null) {
            Query query = statement.get();
            if (!query.getBindValues().equals(binds)) {
                throw new IllegalStateException("bind values " + query.getBindValues() + " expected " + binds);
            }
            sql = db.render(query);
            kept.put(key, sql);
        }
        return sql;
    }

    /** SQL made from kept SQL (e.g. another statement appended), made the first time and kept under {@code key}. */
    public String text(Object key, Supplier<String> sql) {
        return kept.computeIfAbsent(key, k -> sql.get());
    }

    /**
     * The rows of a rendered statement ({@link #sql}), read straight from the driver's result set into values. A
     * rendered statement run as {@code db.resultQuery(sql)} was scanned again by jOOQ at every execution (its plain SQL
     * template: a look at each character for bind markers, 2-16 % of a ledger page's request CPU in a flight recording,
     * issue 14) and read into records before they became values. The connection is jOOQ's (so a caller's transaction
     * is joined); the statement is logged as jOOQ logs its own when its execute logging is on.
     */
    public <T> List<T> rows(String sql, RowReader<T> reader) {
        return rows(sql, List.of(), reader);
    }

    /**
     * The rows of a statement rendered with bind values ({@link #sqlWithBinds}), bound here in their order (see
     * {@link #bind}) and read straight from the driver's result set, as {@link #rows(String, RowReader)}: run as
     * {@code db.resultQuery(sql, binds)} a statement was scanned by jOOQ's plain SQL template and read into records at
     * every execution (the due list's five, issue 14). The statement is logged as jOOQ logs its own, with its values
     * inlined, when its execute logging is on.
     */
    public <T> List<T> rows(String sql, List<?> binds, RowReader<T> reader) {
        return lastRows(sql, false, binds, reader);
    }

    /**
     * As {@link #rows(String, List, RowReader)}, run on the statement's generic plan (outside a transaction). PostgreSQL
     * weighs a prepared statement's generic plan against plans made for each execution's values, and a bound LIMIT or
     * OFFSET, which the generic plan cannot see, counts there as a tenth of the rows it estimates: once a page's filter
     * estimates more than ten pages of rows, the plans for the values look cheaper, and every execution is planned
     * again for a plan of the same shape (a county's due list at a million tasks, issue 14: 0.44 ms of planning on
     * each page). The setting is sent before the statement in the same round trip and ends with the statement's own
     * transaction; inside a caller's transaction it would last until that ends, so there the statement runs as
     * PostgreSQL chooses.
     */
    public <T> List<T> rowsOnGenericPlan(String sql, List<?> binds, RowReader<T> reader) {
        return rowsAfter(genericPlan, sql, binds, reader);
    }

    /**
     * As {@link #rows(String, RowReader)}, planned without parallel workers (outside a transaction, as
     * {@link #rowsOnGenericPlan}): a statement that reads an index in order until it has its page, which workers sharing
     * the walk made slower (each starting, and reading on for rows of its own).
     */
    public <T> List<T> rowsWithoutParallelWorkers(String sql, RowReader<T> reader) {
        return rowsAfter(withoutParallelWorkers, sql, List.of(), reader);
    }

    /** The rows of a statement sent after a setting for its transaction alone; in a caller's transaction, as it is. */
    private <T> List<T> rowsAfter(String setting, String sql, List<?> binds, RowReader<T> reader) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return rows(sql, binds, reader);
        }
        return lastRows(text(List.of(setting, sql), () -> setting + sql), true, binds, reader);
    }

    /** A setting's statement as the text sent ahead of another's. */
    private String sentAhead(QueryPart setting) {
        return db.renderInlined(setting) + ";";
    }

    /** The rows of the statement {@code text} ends with; {@code afterSetting}: a setting's row comes before them. */
    private <T> List<T> lastRows(String text, boolean afterSetting, List<?> binds, RowReader<T> reader) {
        log(text, binds);
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = prepare(connection, text)) {
                bind(connection, statement, binds);
                statement.execute();
                if (afterSetting) {
                    statement.getMoreResults();
                }
                try (ResultSet rows = statement.getResultSet()) {
                    return read(rows, reader);
                }
            } catch (SQLException e) {
                throw translated(text, e);
            }
        });
    }

    /**
     * Runs SQL rendered with bind values ({@link #sqlWithBinds}), bound as {@link #rows(String, List, RowReader)} binds
     * them, and reads nothing back: a write, or several statements sent together (the driver sends them all before it
     * reads an answer: one round trip).
     */
    public void execute(String sql, List<?> binds) {
        log(sql, binds);
        db.connection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                bind(connection, statement, binds);
                statement.execute();
            } catch (SQLException e) {
                throw translated(sql, e);
            }
        });
    }

    /** The driver's exception as Spring's, as jOOQ's own statements raise it (Boot's translator for PostgreSQL). */
    private static DataAccessException translated(String sql, SQLException e) {
        DataAccessException translated = TRANSLATOR.translate("RenderedStatements", sql, e);
        return translated != null ? translated : new UncategorizedSQLException("RenderedStatements", sql, e);
    }

    /** The statement in jOOQ's execute log, as jOOQ logs its own: its values inlined on a line of their own, if any. */
    private void log(String sql, List<?> binds) {
        if (db.settings().isExecuteLogging() && STATEMENTS.isDebugEnabled()) {
            STATEMENTS.debug("Executing query          : {}", sql);
            if (!binds.isEmpty()) {
                STATEMENTS.debug("-> with bind values      : {}", db.renderInlined(db.resultQuery(sql, binds.toArray())));
            }
        }
    }

    /**
     * Binds the values in their order: a {@code String}, {@code Long}, {@code Integer}, {@code Boolean},
     * {@code OffsetDateTime} or {@code UUID}, an array of {@code Long}, or null. Anything else is refused rather than
     * guessed at (jOOQ would have converted it by the column's type).
     */
    private static void bind(Connection connection, PreparedStatement statement, List<?> binds) throws SQLException {
        int i = 0;
        for (Object value : binds) {
            i++;
            if (value == null) {
                statement.setNull(i, Types.NULL);
            } else if (value instanceof String text) {
                statement.setString(i, text);
            } else if (value instanceof Long number) {
                statement.setLong(i, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(i, flag);
            } else if (value instanceof OffsetDateTime || value instanceof UUID) {
                statement.setObject(i, value);
            } else if (value instanceof Long[] numbers) {
                statement.setArray(i, connection.createArrayOf("bigint", numbers));
            } else {
                throw new IllegalArgumentException("a bind value of " + value.getClass());
            }
        }
    }

    /**
     * A kept statement, prepared on the server at its first execution on a connection: the driver's default
     * ({@code prepareThreshold} 5) parses and plans a statement afresh at each of its first four executions on each
     * connection, and the root office's Q2 alone is one statement per city-level unit (135 at 100,000 tasks), each
     * planned in ~1 ms, five times its execution (issue 14). A kept statement is run again by definition; the driver
     * keeps as many per connection as its {@code preparedStatementCacheQueries} (application.properties), closing on
     * the server those it drops.
     */
    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
        }
        return statement;
    }

    private static <T> List<T> read(ResultSet rows, RowReader<T> reader) throws SQLException {
        List<T> values = new ArrayList<>();
        while (rows.next()) {
            values.add(reader.read(rows));
        }
        return values;
    }

    /** A nullable {@code bigint} column. */
    public static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable {@code integer} column. */
    public static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
