package org.rectify.demo;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo logins work as soon as the web server accepts a connection: the demo loads in an earlier start-up phase. */
@IntegrationTest
class DemoBeforeSignInTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    DemoData demo;

    @Test
    void the_demo_is_loaded_in_a_phase_before_the_web_server_starts() {
        SmartLifecycle webServer = context.getBean("webServerStartStop", SmartLifecycle.class);
        assertThat(webServer.isRunning()).isTrue();
        assertThat(demo.isRunning()).isTrue();
        assertThat(demo.getPhase()).isLessThan(webServer.getPhase());
    }
}
