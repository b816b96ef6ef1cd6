package org.rectify.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The JSON half of the input limits alone: every string and date is checked as Jackson reads it. */
class InputLimitsModuleTests {

    record Milestone(LocalDate dueOn, String deliverable) {
    }

    record Body(String title, List<String> tags, List<Milestone> milestones) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new InputLimitsModule()).build();

    @Test
    void sane_values_read_as_before() {
        Body body = json.readValue("""
                {"title": "河道\\t整治\\n", "tags": ["a"], "milestones": [{"dueOn": "2027-06-30", "deliverable": "完成"}]}""",
                Body.class);
        assertThat(body.title()).isEqualTo("河道\t整治\n");
        assertThat(body.milestones().get(0).dueOn()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void a_nul_an_overlong_title_and_an_absurd_date_are_refused_naming_the_field() {
        assertThat(refusal("{\"title\": \"a\\u0000b\"}").fieldErrors()).containsEntry("title", "input.controlCharacter");
        assertThat(refusal("{\"tags\": [\"ok\", \"\\u0007\"]}").fieldErrors()).containsEntry("tags", "input.controlCharacter");
        assertThat(refusal("{\"title\": \"" + "长".repeat(1_001) + "\"}").fieldErrors()).containsEntry("title", "input.tooLong");
        assertThat(refusal("{\"tags\": [\"" + "x".repeat(20_001) + "\"]}").fieldErrors()).containsEntry("tags", "input.tooLong");
        assertThat(refusal("{\"milestones\": [{\"dueOn\": \"+99999-01-01\"}]}").fieldErrors())
                .containsEntry("dueOn", "input.dateOutOfRange");
        assertThat(refusal("{\"milestones\": [{\"dueOn\": \"1900-01-01\"}]}").fieldErrors())
                .containsEntry("dueOn", "input.dateOutOfRange");
    }

    private InvalidInputException refusal(String body) {
        Throwable t = catchThrowable(() -> json.readValue(body, Body.class));
        while (t != null && !(t instanceof InvalidInputException)) {
            t = t.getCause();
        }
        assertThat(t).as(body).isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) t;
    }
}
