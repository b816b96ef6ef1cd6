package org.rectify.generator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY_DERIVED;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;

/**
 * The generator on a new database, as migrated and once its tables were analyzed empty (autovacuum or an owner's
 * {@code analyze}): the load's triggers keep each task's reach and duties by reading the rows of the tasks they are
 * given, by key, and not by plans made while the tables were empty (issue 14: 30,000 tasks took 576 s in one trigger
 * statement, and 1,000,000 did not finish). Counted from the load's transaction: no sequential scan of the task units
 * or the duties, and each duty row read a few times, not once per duty of its unit.
 */
class GeneratorOnAnEmptyDatabaseTests {

    @ParameterizedTest(name = "analyzed before the load: {0}")
    @ValueSource(booleans = {false, true})
    void a_load_into_an_empty_database_reads_its_task_units_and_duties_by_key(boolean analyzed) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration")
                    .placeholders(Map.of("app_role", "postgres")).load().migrate();
            try (Connection connection = pg.getPostgresDatabase().getConnection()) {
                DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
                if (analyzed) {
                    db.execute("analyze");
                }
                connection.setAutoCommit(false);
                GeneratorOptions options = new GeneratorOptions(2, 3, 2, 0, 3000, 1, 7, false, "generated-province-7",
                        LocalDate.of(2026, 6, 1));
                new ProvinceWriter(connection, options, "{noop}x", ZoneId.of("Asia/Shanghai")).write();

                // the load's reads, taken before the counts below: the refreshes run a few times over each task (its
                // units, then its reach, then its first report), so a few reads of each row; a plan probing a unit's
                // duties under every path read each duty ~130 times at this size, and more the larger the province
                var reads = db.resultQuery("select relname, seq_scan, idx_tup_fetch from pg_stat_xact_user_tables "
                        + "where relname in ('task_unit', 'task_open_duty')").fetchMap(r -> r.get(0, String.class), r -> r);
                int duties = db.fetchCount(TASK_OPEN_DUTY); // read after the load's reads were taken
                int units = db.fetchCount(TASK_UNIT);
                assertThat(duties).isPositive().isEqualTo(db.fetchCount(TASK_OPEN_DUTY_DERIVED));
                assertThat(db.fetchCount(TASK, TASK.UNIT_REACH.eq(new String[0]))).as("tasks without a reach").isZero();
                assertThat(reads.get("task_unit").get(1, Long.class)).as("scans of the task units").isZero();
                assertThat(reads.get("task_open_duty").get(1, Long.class)).as("scans of the duties").isZero();
                assertThat(reads.get("task_unit").get(2, Long.class)).as("task units read by key").isLessThan(10L * units);
                assertThat(reads.get("task_open_duty").get(2, Long.class)).as("duties read by key").isLessThan(10L * duties);
                connection.rollback();
            }
        }
    }
}
