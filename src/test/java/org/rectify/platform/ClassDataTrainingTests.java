package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run of the class-data archive stops the application once it has started; only its own setting asks for
 * it, so an ordinary start never stops by itself. (bin/rectify's training and archived start: .ci/run.)
 */
class ClassDataTrainingTests {

    @Test
    void an_ordinary_start_is_no_training_run() {
        assertThat(ClassDataTraining.isRun(new MockEnvironment())).isFalse();
        assertThat(ClassDataTraining.isRun(new MockEnvironment().withProperty(ClassDataTraining.PROPERTY, "false"))).isFalse();
    }

    @Test
    void the_launcher_s_setting_asks_for_a_training_run() {
        assertThat(ClassDataTraining.PROPERTY).isEqualTo("rectify.class-data-training");
        assertThat(ClassDataTraining.isRun(new MockEnvironment().withProperty("rectify.class-data-training", "true"))).isTrue();
    }

    @Test
    void a_training_run_on_a_throw_away_database_is_given_an_administrator_with_a_random_password_and_an_ordinary_start_none() {
        String[] ordinary = {"--server.port=8080"};
        assertThat(ClassDataTraining.arguments(ordinary, null)).isSameAs(ordinary);

        String[] training = {"--rectify.class-data-training=true", "--rectify.embedded-db.persistent=false"};
        String[] first = ClassDataTraining.arguments(training, null);
        String[] second = ClassDataTraining.arguments(training, "");
        assertThat(first).hasSize(4).contains("--rectify.bootstrap.admin-username=class-data-training");
        assertThat(first[3]).startsWith("--rectify.bootstrap.admin-password=").hasSizeGreaterThan(50);
        assertThat(first[3]).isNotEqualTo(second[3]);
    }

    @Test
    void a_training_run_on_a_kept_or_external_database_is_given_no_administrator() {
        String[] kept = {"--rectify.class-data-training=true"};
        assertThat(ClassDataTraining.arguments(kept, null)).isSameAs(kept);
        String[] throwAway = {"--rectify.class-data-training=true", "--rectify.embedded-db.persistent=false"};
        assertThat(ClassDataTraining.arguments(throwAway, "jdbc:postgresql://db/rectify")).isSameAs(throwAway);
        String[] external = {"--rectify.class-data-training=true", "--rectify.embedded-db.persistent=false",
                "--spring.datasource.url=jdbc:postgresql://db/rectify"};
        assertThat(ClassDataTraining.arguments(external, null)).isSameAs(external);
    }
}
