package org.rectify.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The default database: an embedded PostgreSQL whose data lives under {@code rectify.data-dir}/postgres
 * (kept across restarts), or in a fresh temporary directory when {@code rectify.embedded-db.persistent}
 * is false (tests). Only used when {@code spring.datasource.url} is not set. The app connects as the
 * application role; Flyway migrates as the owner.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseServer embeddedDatabaseServer(@Value("${rectify.data-dir:./data}") Path dataDir,
                                                  @Value("${rectify.embedded-db.persistent:true}") boolean persistent,
                                                  @Value("${rectify.embedded-db.durable:true}") boolean durable) throws IOException {
        return persistent ? EarlyEmbeddedDatabase.take(dataDir, durable) : EmbeddedDatabaseServer.start(null, durable);
    }

    /** The pages the server had in memory at its last stop, read back after the start (a kept server only). */
    @Bean
    KeptPagesAfterStart keptPagesAfterStart(EmbeddedDatabaseServer server) {
        return new KeptPagesAfterStart(server);
    }

    /**
     * The pool takes {@code spring.datasource.hikari.*} as Boot's own pool for an external database does, so the
     * driver's settings in application.properties (its socket, its statement cache) apply to both.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("rectify");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(EmbeddedDatabaseServer.APPLICATION);
        pool.setPassword(server.password(EmbeddedDatabaseServer.APPLICATION));
        pool.setMaximumPoolSize(20);
        return pool;
    }

    /** Migrations run as the schema's owner and grant the application role its rows (placeholder app_role). */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedDatabaseServer server) {
        return flyway -> {
            Map<String, String> placeholders = new HashMap<>(flyway.getPlaceholders());
            placeholders.put("app_role", EmbeddedDatabaseServer.APPLICATION);
            flyway.dataSource(server.ownerDataSource()).placeholders(placeholders);
        };
    }
}
