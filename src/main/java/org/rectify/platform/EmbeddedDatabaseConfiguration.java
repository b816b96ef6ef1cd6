package org.rectify.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default database: an embedded PostgreSQL whose data lives under {@code rectify.data-dir}/postgres
 * (kept across restarts), or in a fresh temporary directory when {@code rectify.embedded-db.persistent}
 * is false (tests). Only used when {@code spring.datasource.url} is not set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${rectify.data-dir:./data}") Path dataDir,
                                      @Value("${rectify.embedded-db.persistent:true}") boolean persistent) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false) // Spring closes it; zonky's own hook races Spring's
                .setPGStartupWait(Duration.ofSeconds(60));
        if (persistent) {
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(pgData);
            StalePostmaster.stopIfRunning(pgData);
            builder.setDataDirectory(pgData).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL data directory: {}", pgData);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
