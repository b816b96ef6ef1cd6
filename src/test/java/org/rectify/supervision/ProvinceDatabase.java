package org.rectify.supervision;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.rectify.generator.GeneratedProvince;
import org.rectify.generator.GeneratorOptions;
import org.rectify.generator.ProvinceWriter;
import org.rectify.platform.RenderedStatements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.supervision.internal.db.Tables.WARNING_CHANGE;

/**
 * A fresh embedded PostgreSQL holding the schema and a generated province ({@link ProvinceWriter}) without its
 * warnings, so that a first reassessment finds every task new: the nightly pass's benchmark and tests run on it, with
 * transactions and a connection pool as in the app (each batch of the pass commits on its own, on a connection that
 * keeps its prepared statements; not a new connection, with cold caches, per transaction).
 */
final class ProvinceDatabase implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final DataSource dataSource;
    final DSLContext db;
    final GeneratedProvince province;
    private final EmbeddedPostgres pg;
    private final HikariDataSource pool;
    private final TransactionTemplate transactions;

    private ProvinceDatabase(EmbeddedPostgres pg, GeneratedProvince province) {
        this.pg = pg;
        this.province = province;
        HikariConfig pooled = new HikariConfig();
        pooled.setDataSource(pg.getPostgresDatabase());
        pooled.setMaximumPoolSize(4);
        this.pool = new HikariDataSource(pooled);
        this.dataSource = pool;
        this.db = DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    static ProvinceDatabase start(EmbeddedPostgres.Builder server, GeneratorOptions options) throws Exception {
        EmbeddedPostgres pg = server.start();
        try {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration")
                    .placeholders(Map.of("app_role", "postgres")).load().migrate();
            GeneratedProvince province;
            try (Connection connection = pg.getPostgresDatabase().getConnection()) {
                connection.setAutoCommit(false);
                province = new ProvinceWriter(connection, options, "{noop}benchmark", ZONE).write();
                connection.commit();
            }
            ProvinceDatabase database = new ProvinceDatabase(pg, province);
            database.db.deleteFrom(WARNING_CHANGE).execute();
            database.db.deleteFrom(TASK_WARNING).execute();
            database.db.execute("analyze");
            return database;
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
    }

    /** Warnings over this database, publishing to {@code events}; no settings change here (no plans module). */
    Warnings warnings(ApplicationEventPublisher events) {
        return new Warnings(db, events, Clock.system(ZONE), null, transactions, new RenderedStatements(db));
    }

    @Override
    public void close() throws Exception {
        try (pg) {
            pool.close();
        }
    }
}
