package org.rectify.platform;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.RectifyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * What the application's own beans decide when they run rather than through conditions on the beans (start-up,
 * issue 14: a start with the build's bean definitions has every bean the build saw, {@link AheadOfTimeStart}): an
 * installation with the demo turned off and a first administrator's password gets the administrator and no demo.
 */
class RunTimeDecisionsTests {

    @Test
    void an_installation_with_the_demo_off_and_a_first_password_gets_its_administrator_and_no_demo() {
        // as arguments, the way an operator sets them: above application.properties (the builder's properties are below)
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RectifyApplication.class)
                .run("--rectify.embedded-db.persistent=false", "--rectify.demo.enabled=false",
                        "--rectify.bootstrap.admin-username=first-admin", "--rectify.bootstrap.admin-password=a-long-random-one",
                        "--rectify.events.republish-after-start=false", "--db-scheduler.enabled=false", "--server.port=0",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            DSLContext db = app.getBean(DSLContext.class);
            assertThat(db.select(field(name("username"), String.class), field(name("role"), String.class))
                    .from(table(name("account"))).fetch().map(r -> r.value1() + " " + r.value2()))
                    .containsExactly("first-admin ADMIN");
            assertThat(db.fetchCount(table(name("unit")))).as("the root unit the administrator is bound to, no demo tree")
                    .isEqualTo(1);
            assertThat(db.fetchCount(table(name("plan")))).isZero();
        }
    }
}
