package org.rectify.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.ClassUtils;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lets a start use the bean definitions the build wrote ahead of time ({@code spring-boot:process-aot}; start-up,
 * issue 14) only when it is the kind of start they were written for. With them Spring skips reading the
 * configuration classes, scanning the packages and evaluating the conditions (a third of a start's CPU), but the
 * conditions were evaluated once, in the build: a setting that one of them reads would be ignored. {@code bin/rectify}
 * asks for them ({@code -Dspring.aot.enabled=true}); this listener, which runs once the settings are read and before
 * the context is made, takes the ask back, and says why in the log, for
 * <ul>
 * <li>a command (backup, generate, …) and any context but the web application's;</li>
 * <li>a jar built without them;</li>
 * <li>a setting that a condition reads set otherwise than in the build ({@link #BUILT_FOR}): an external database,
 * email, the API's documentation turned off, the scheduler off.</li>
 * </ul>
 * Such a start reads the configuration as {@code java -jar} always did. The application's own beans decide
 * such things when they run (the demo, the first administrator, the republication), not by conditions;
 * {@code AheadOfTimeStartTests} keeps every condition of the application's own code in {@link #BUILT_FOR}.
 * Registered in META-INF/spring.factories.
 */
public class AheadOfTimeStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String ENABLED = "spring.aot.enabled";

    /** As the build had it: not set (its condition turns something on when it is). */
    private static final Predicate<String> UNSET = String::isEmpty;
    /** As the build had it: on (Boot's conditions turn a switch off only for "false", in any case). */
    private static final Predicate<String> ON = value -> !"false".equalsIgnoreCase(value);

    /**
     * The settings the build's conditions read, each with what a value must be to decide as the build did (the pom's
     * process-aot arguments and application.properties).
     */
    static final Map<String, Predicate<String>> BUILT_FOR = Map.of(
            "spring.datasource.url", UNSET, // EmbeddedDatabaseConfiguration, and Boot's own pool when set
            "spring.mail.host", UNSET, // Boot's mail sender, which MailChannel uses when there is one
            "rectify.api-docs.enabled", ON, // SpringDoc's endpoints (springdoc.* below take it)
            "springdoc.api-docs.enabled", ON,
            "springdoc.swagger-ui.enabled", ON,
            "db-scheduler.enabled", ON); // the scheduler's auto-configuration (commands turn it off)

    private static final Logger log = LoggerFactory.getLogger(AheadOfTimeStart.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        Class<?> main = event.getSpringApplication().getMainApplicationClass();
        boolean written = main != null
                && ClassUtils.isPresent(main.getName() + "__ApplicationContextInitializer", main.getClassLoader());
        reasonAgainst(event.getArgs(), event.getSpringApplication().getWebApplicationType(), written, event.getEnvironment())
                .ifPresentOrElse(reason -> {
                    System.setProperty(ENABLED, "false");
                    log.info("Starting without the bean definitions written by the build: {}", reason);
                }, () -> log.info("Starting with the bean definitions written by the build"));
    }

    /** Why this start cannot use the build's bean definitions, if it cannot. */
    static Optional<String> reasonAgainst(String[] args, WebApplicationType type, boolean written, PropertyResolver settings) {
        if (!EarlyEmbeddedDatabase.isTheWebApplication(args, type)) {
            return Optional.of("a command, not the web application");
        }
        if (!written) {
            return Optional.of("the jar has none (built without spring-boot:process-aot)");
        }
        return BUILT_FOR.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(setting -> !setting.getValue().test(settings.getProperty(setting.getKey(), "")))
                .map(setting -> setting.getKey() + " is set otherwise than in the build")
                .findFirst();
    }
}
