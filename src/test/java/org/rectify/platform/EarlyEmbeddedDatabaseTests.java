package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The early start of the kept embedded server: only the web application on its own data directory starts it, never a
 * command (which would stop a running application's server as stale), a test's throw-away database or an external one.
 */
class EarlyEmbeddedDatabaseTests {

    private static final String[] APP = {"--server.port=18080", "--rectify.data-dir=/srv/rectify"};

    @Test
    void the_web_application_on_its_kept_embedded_database_starts_its_server_early() {
        assertThat(EarlyEmbeddedDatabase.startsEarly(APP, WebApplicationType.SERVLET, new MockEnvironment())).isTrue();
        assertThat(EarlyEmbeddedDatabase.startsEarly(new String[0], WebApplicationType.SERVLET, new MockEnvironment())).isTrue();
    }

    @Test
    void a_command_word_before_the_options_starts_no_server_early() {
        for (String command : new String[]{"generate", "verify-audit", "backup", "restore", "parse-plan"}) {
            String[] args = {command, "--rectify.data-dir=/srv/rectify"};
            assertThat(EarlyEmbeddedDatabase.startsEarly(args, WebApplicationType.SERVLET, new MockEnvironment()))
                    .as(command).isFalse();
        }
    }

    @Test
    void a_context_that_only_reads_settings_starts_no_server_early() {
        assertThat(EarlyEmbeddedDatabase.startsEarly(APP, WebApplicationType.NONE, new MockEnvironment())).isFalse();
    }

    @Test
    void a_throw_away_database_or_an_external_one_starts_no_server_early() {
        var tests = new MockEnvironment().withProperty("rectify.embedded-db.persistent", "false");
        var external = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example/rectify");
        assertThat(EarlyEmbeddedDatabase.startsEarly(APP, WebApplicationType.SERVLET, tests)).isFalse();
        assertThat(EarlyEmbeddedDatabase.startsEarly(APP, WebApplicationType.SERVLET, external)).isFalse();
    }
}
