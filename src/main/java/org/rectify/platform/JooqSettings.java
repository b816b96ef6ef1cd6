package org.rectify.platform;

import org.jooq.conf.Settings;
import org.jooq.tools.LoggerListener;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ's settings for every query (Spring Boot applies a {@link Settings} bean to its configuration). jOOQ's
 * rendering, binding and its execute listeners were the largest share of a write command's CPU in the profile
 * (issue 14: 41 % of a submitted report's); these leave out work no query needs:
 * <ul>
 * <li>no execute logging unless its logger is at DEBUG when the app starts: jOOQ's own logging listener ran on every
 * statement, its events built even with DEBUG off (the benchmark's SQL floor starts the app with it at DEBUG);</li>
 * <li>no schema in rendered names: every table lives in the one schema the connection's search path starts with
 * ({@code public}, where Flyway creates it), so {@code "task"."id"}, not {@code "public"."task"."id"}: shorter SQL
 * to render, send and parse, and the same plan.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class JooqSettings {

    @Bean
    Settings rectifyJooqSettings() {
        return settings();
    }

    /** The settings, also for the steps run on a committed connection outside Spring's configuration. */
    public static Settings settings() {
        return new Settings()
                .withExecuteLogging(LoggerFactory.getLogger(LoggerListener.class).isDebugEnabled())
                .withRenderSchema(false);
    }
}
