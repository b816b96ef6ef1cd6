package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run of the class-data archive signs in through the real sign-in form and opens the pages a login
 * opens, so that their classes (templates, JSON, the ledger's statements) are in the archive: were the form or the
 * pages to change so that the training no longer got past the sign-in, the archive would silently lose them.
 */
@IntegrationTest
class ClassDataTrainingLoginTests {

    @LocalServerPort
    int port;

    @Test
    void the_training_signs_in_through_the_form_and_reads_every_page_a_login_opens() {
        List<String> answers = ClassDataTraining.signInAndBrowse("http://127.0.0.1:" + port, "office", DemoLogins.PASSWORD);

        assertThat(answers).containsExactly(
                "GET /login 200",
                "POST /login 200 /todo",
                "GET / 200 /todo",
                "GET /tasks 200 /tasks",
                "GET /insight 200 /insight",
                "GET /api/tasks?size=50 200 /api/tasks");
    }

    @Test
    void a_wrong_password_is_seen_as_the_sign_in_page_again_not_as_the_pages() {
        List<String> answers = ClassDataTraining.signInAndBrowse("http://127.0.0.1:" + port, "office", "not-the-password");

        assertThat(answers).element(1).isEqualTo("POST /login 200 /login");
        assertThat(answers).element(2).isEqualTo("GET / 200 /login");
    }
}
