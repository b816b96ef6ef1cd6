package org.rectify.generator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY;
import static org.rectify.plans.internal.db.Tables.TASK_OPEN_DUTY_DERIVED;

/**
 * The generator on a new database, whose tables were analyzed empty (the migrations analyze the read models they make;
 * autovacuum or an owner's {@code analyze} does the rest): the load's triggers keep the tasks' reach and duties by
 * probing the rows of the tasks they are given, not by scanning tables that were empty when their plans were made
 * (issue 14: at 30,000 tasks a scan of every task unit for each task took 576 s, and 1,000,000 did not finish).
 */
class GeneratorOnAnEmptyDatabaseTests {

    @Test
    void a_load_into_an_empty_database_reads_its_task_units_and_duties_by_key_not_by_scans() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration")
                    .placeholders(Map.of("app_role", "postgres")).load().migrate();
            try (Connection connection = pg.getPostgresDatabase().getConnection()) {
                DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
                db.execute("analyze");
                connection.setAutoCommit(false);
                GeneratorOptions options = new GeneratorOptions(2, 3, 2, 0, 3000, 2, 7, false, "generated-province-7",
                        LocalDate.of(2026, 6, 1));
                GeneratedProvince province = new ProvinceWriter(connection, options, "{noop}x", ZoneId.of("Asia/Shanghai")).write();
                assertThat(province.rows().get("task")).isEqualTo(3000);
                // this transaction's reads of the two tables, before it ends
                Map<String, Long> scans = db.fetch("select relname, seq_scan from pg_stat_xact_user_tables "
                                + "where relname in ('task_unit', 'task_open_duty')")
                        .stream().collect(Collectors.toMap(r -> r.get(0, String.class), r -> r.get(1, Long.class)));
                assertThat(scans).as("sequential scans in the load's transaction")
                        .containsExactlyInAnyOrderEntriesOf(Map.of("task_unit", 0L, "task_open_duty", 0L));
                // and what they keep is what the tasks say
                assertThat(db.fetchCount(TASK_OPEN_DUTY)).isPositive().isEqualTo(db.fetchCount(TASK_OPEN_DUTY_DERIVED));
                assertThat(db.fetchCount(TASK, TASK.UNIT_REACH.eq(new String[0]))).as("tasks without a reach").isZero();
                connection.rollback();
            }
        }
    }
}
