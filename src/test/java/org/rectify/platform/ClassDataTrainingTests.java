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
    void a_training_run_is_given_a_throw_away_administrator_with_a_random_password_and_an_ordinary_start_none() {
        String[] ordinary = {"--server.port=8080"};
        assertThat(ClassDataTraining.arguments(ordinary)).isSameAs(ordinary);

        String[] first = ClassDataTraining.arguments(new String[]{"--rectify.class-data-training=true"});
        String[] second = ClassDataTraining.arguments(new String[]{"--rectify.class-data-training=true"});
        assertThat(first).hasSize(3).contains("--rectify.bootstrap.admin-username=class-data-training");
        assertThat(first[2]).startsWith("--rectify.bootstrap.admin-password=").hasSizeGreaterThan(50);
        assertThat(first[2]).isNotEqualTo(second[2]);
    }
}
