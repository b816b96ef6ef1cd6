package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which starts take the bean definitions the build wrote (start-up, issue 14): the web application with the settings
 * the build's conditions saw, and no other; a condition of the application's own code on a setting not in
 * {@link AheadOfTimeStart#BUILT_FOR} would be ignored by such a start, so none may exist.
 */
class AheadOfTimeStartTests {

    private static final String[] APP = {"--server.port=8080", "--rectify.data-dir=/srv/rectify"};

    @Test
    void the_embedded_default_with_the_jars_own_settings_starts_with_the_builds_definitions() throws IOException {
        assertThat(reasonAgainst(APP, jarSettings())).isEmpty();
        assertThat(reasonAgainst(new String[0], jarSettings())).isEmpty();
    }

    @Test
    void the_demo_off_a_first_administrator_or_a_throw_away_database_are_decided_when_the_application_runs() throws IOException {
        var production = jarSettings("rectify.demo.enabled", "false", "rectify.bootstrap.admin-password", "a-long-random-one",
                "rectify.embedded-db.persistent", "false", "rectify.events.republish-after-start", "false");
        assertThat(reasonAgainst(APP, production)).isEmpty();
    }

    @Test
    void an_external_database_email_or_the_api_documentation_turned_off_start_without_them() throws IOException {
        assertThat(reasonAgainst(APP, jarSettings("spring.datasource.url", "jdbc:postgresql://db.example/rectify")))
                .contains("spring.datasource.url is set otherwise than in the build");
        assertThat(reasonAgainst(APP, jarSettings("spring.mail.host", "smtp.example")))
                .contains("spring.mail.host is set otherwise than in the build");
        // application.properties passes rectify.api-docs.enabled on to SpringDoc's own conditions
        assertThat(reasonAgainst(APP, jarSettings("rectify.api-docs.enabled", "false"))).isPresent();
        assertThat(reasonAgainst(APP, jarSettings("db-scheduler.enabled", "false"))).isPresent();
    }

    @Test
    void a_setting_given_the_value_the_build_had_explicitly_still_starts_with_them() throws IOException {
        assertThat(reasonAgainst(APP, jarSettings("db-scheduler.enabled", "true"))).isEmpty(); // on when not set
        assertThat(reasonAgainst(APP, jarSettings("rectify.api-docs.enabled", "TRUE"))).isEmpty(); // Boot's conditions ignore case
        assertThat(reasonAgainst(APP, jarSettings("db-scheduler.enabled", "FALSE"))).isPresent();
    }

    @Test
    void a_command_or_a_context_other_than_the_web_applications_starts_without_them() throws IOException {
        for (String command : new String[]{"generate", "verify-audit", "backup", "restore"}) {
            assertThat(reasonAgainst(new String[]{command, "--rectify.data-dir=/srv/rectify"}, jarSettings()))
                    .as(command).contains("a command, not the web application");
        }
        assertThat(AheadOfTimeStart.reasonAgainst(APP, WebApplicationType.NONE, true, jarSettings())).isPresent();
    }

    @Test
    void a_jar_built_without_them_starts_as_before() throws IOException {
        assertThat(AheadOfTimeStart.reasonAgainst(APP, WebApplicationType.SERVLET, false, jarSettings()))
                .contains("the jar has none (built without spring-boot:process-aot)");
    }

    @Test
    void every_condition_on_a_setting_in_the_applications_own_code_is_one_the_start_checks() throws IOException {
        var reader = new CachingMetadataReaderFactory();
        Set<String> conditioned = new TreeSet<>();
        for (Resource type : new PathMatchingResourcePatternResolver().getResources("classpath*:org/rectify/**/*.class")) {
            AnnotationMetadata metadata = reader.getMetadataReader(type).getAnnotationMetadata();
            Stream.concat(Stream.of(metadata), metadata.getDeclaredMethods().stream())
                    .forEach(element -> conditioned.addAll(settingsReadByConditions(element)));
        }
        // the one kept (the embedded database's configuration): checked; the others became decisions at run time
        assertThat(conditioned).containsExactly("spring.datasource.url");
        assertThat(AheadOfTimeStart.BUILT_FOR).containsKeys(conditioned.toArray(String[]::new));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");

    private static Set<String> settingsReadByConditions(AnnotatedTypeMetadata element) {
        Set<String> settings = new TreeSet<>();
        element.getAnnotations().stream()
                .filter(a -> a.getType().getName().startsWith("org.springframework.boot.autoconfigure.condition.ConditionalOn"))
                .forEach(condition -> {
                    if (condition.hasNonDefaultValue("value") && condition.getType().getSimpleName().equals("ConditionalOnExpression")) {
                        Matcher names = PLACEHOLDER.matcher(condition.getString("value"));
                        while (names.find()) {
                            settings.add(names.group(1));
                        }
                    } else if (condition.getType().getSimpleName().endsWith("Property")) {
                        settings.addAll(propertyNames(condition));
                    }
                });
        return settings;
    }

    private static Set<String> propertyNames(MergedAnnotation<?> condition) {
        String prefix = condition.getString("prefix");
        Set<String> names = new TreeSet<>();
        for (String attribute : new String[]{"name", "value"}) {
            for (String name : condition.getStringArray(attribute)) {
                names.add(prefix.isEmpty() ? name : prefix.replaceAll("\\.$", "") + "." + name);
            }
        }
        return names;
    }

    private static Optional<String> reasonAgainst(String[] args, ConfigurableEnvironment settings) {
        return AheadOfTimeStart.reasonAgainst(args, WebApplicationType.SERVLET, true, settings);
    }

    /** The jar's application.properties alone (no environment variables of the machine running the tests), and more. */
    private static ConfigurableEnvironment jarSettings(String... more) throws IOException {
        ConfigurableEnvironment settings = new AbstractEnvironment() {
        };
        settings.getPropertySources().addFirst(new ResourcePropertySource(new ClassPathResource("application.properties")));
        var given = new Properties();
        for (int i = 0; i < more.length; i += 2) {
            given.setProperty(more[i], more[i + 1]);
        }
        settings.getPropertySources().addFirst(new PropertiesPropertySource("given", given));
        return settings;
    }
}
