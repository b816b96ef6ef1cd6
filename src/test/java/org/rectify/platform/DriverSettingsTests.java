package org.rectify.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

/**
 * The driver's settings in application.properties reach the embedded pool and Boot's pool for an external database
 * alike, and a connection keeps every kept statement a province's root office runs prepared.
 */
@IntegrationTest
class DriverSettingsTests {

    private static final List<String> DRIVER_SETTINGS =
            List.of("socketFactory", "preparedStatementCacheQueries", "preparedStatementCacheSizeMiB");

    @Autowired
    DSLContext db;
    @Autowired
    RenderedStatements statements;
    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedDatabaseServer database;

    /** More than the driver's default of 256, as a root office's Q2 at the province benchmark (270) is. */
    @Test
    void a_connection_keeps_six_hundred_kept_statements_prepared_without_dropping_one() {
        String marker = "kept-" + System.nanoTime();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int n = i;
            texts.add(statements.sql(List.of(marker, n), () -> select(inline(marker + "-" + n))));
        }
        db.transaction(tx -> { // one connection throughout
            for (String sql : texts) {
                statements.rows(sql, r -> r.getString(1));
            }
            assertThat(tx.dsl().fetchValue("select count(*) from pg_prepared_statements where statement like {0}",
                    "%" + marker + "%")).isEqualTo(600L);
        });
    }

    @Test
    void an_external_database_gets_the_driver_settings_of_the_embedded_pool() throws Exception {
        Properties application = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        List<String> values = new ArrayList<>();
        application.forEach((key, value) -> values.add(key + "=" + value));
        String user = EmbeddedDatabaseServer.APPLICATION;
        values.addAll(List.of("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + user,
                "spring.datasource.password=" + database.password(user)));
        Map<Object, Object> embedded = settings(((HikariDataSource) dataSource).getDataSourceProperties());
        assertThat(embedded).containsEntry("socketFactory", "org.rectify.platform.internal.BlockingSockets")
                .containsEntry("preparedStatementCacheQueries", "1024");

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(values.toArray(String[]::new))
                .run(context -> {
                    HikariDataSource external = context.getBean(HikariDataSource.class);
                    assertThat(settings(external.getDataSourceProperties())).isEqualTo(embedded);
                    try (var connection = external.getConnection(); var answer = connection.createStatement()
                            .executeQuery("select current_user")) {
                        assertThat(answer.next()).isTrue();
                        assertThat(answer.getString(1)).isEqualTo(user);
                    }
                });
    }

    private static Map<Object, Object> settings(Properties properties) {
        Properties chosen = new Properties();
        DRIVER_SETTINGS.forEach(key -> chosen.put(key, String.valueOf(properties.get(key))));
        return Map.copyOf(chosen);
    }
}
