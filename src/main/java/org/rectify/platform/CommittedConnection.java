package org.rectify.platform;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A short step run from {@code afterCommit} on the transaction's own connection, still bound to the thread, in a
 * transaction of its own: work that must follow a commit (the audit chain's link, the dashboard's version) without
 * holding a lock through the command's commit and fsync, and without taking a second connection from the pool.
 */
public final class CommittedConnection {

    private static final Settings SETTINGS = JooqSettings.settings();

    private CommittedConnection() {
    }

    /** Runs {@code step} and commits it; a failure is logged as {@code failed} and rolled back, never thrown. */
    public static void run(DataSource dataSource, Consumer<DSLContext> step, Logger log, String failed) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            step.accept(DSL.using(c, SQLDialect.POSTGRES, SETTINGS));
            c.commit();
        } catch (RuntimeException | SQLException e) {
            log.warn(failed, e);
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is returned to the pool and reset there
            }
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Runs {@code statement}, which needs no transaction of its own (a sequence's {@code nextval}), in autocommit: one
     * round trip instead of BEGIN, the statement and COMMIT. The connection is left as found; a failure is logged as
     * {@code failed}, never thrown.
     */
    public static void runAlone(DataSource dataSource, Consumer<DSLContext> statement, Logger log, String failed) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true); // the command's transaction is committed: nothing open to commit with it
            try {
                statement.accept(DSL.using(c, SQLDialect.POSTGRES, SETTINGS));
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (RuntimeException | SQLException e) {
            log.warn(failed, e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
