package org.rectify.plans;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A due page's titles kept as the database's UTF-8 bytes show what {@link TaskSummary#titleOrExcerpt} shows of the same
 * title and text: a title that is not blank as it is, a blank one (white space of any kind) as the text's excerpt or
 * nothing. The statement brings the text only with a blank title (V73's {@code task_untitled_text}, kept equal to
 * Java's rule by {@link OpenDutyKeptTests}).
 */
class DutyTitleBytesTests {

    private static final String LONG_TEXT = "  关于推进城市黑臭水体整治工作的实施方案，各县区要按照时间节点完成排查、截污、清淤和生态修复等各项任务。  ";

    @Test
    void a_title_shows_as_the_summary_shows_it_whatever_its_characters() {
        String[] titles = {"推进黑臭水体整治", "A-1 整改", "x", " 整改 ", "\u3000整改", "😀", "é", "\u2003", "\u3000", " ",
                "\t\n", "\u001c", "\u00a0", "\u2028", "", null};
        for (String title : titles) {
            for (String text : new String[]{LONG_TEXT, "短文本", "", " "}) {
                String untitledText = title == null || title.isBlank() ? text : null; // as the statement sends it
                byte[] shown = OpenDuties.shownTitle(title == null ? null : title.getBytes(StandardCharsets.UTF_8),
                        untitledText);
                assertThat(new String(shown, StandardCharsets.UTF_8)).as("title [%s], text [%s]", title, text)
                        .isEqualTo(TaskSummary.titleOrExcerpt(title, text));
            }
        }
    }

    @Test
    void a_title_that_is_not_blank_is_the_bytes_read_not_a_copy() {
        byte[] title = "推进黑臭水体整治".getBytes(StandardCharsets.UTF_8);

        assertThat(OpenDuties.shownTitle(title, null)).isSameAs(title);
    }

    @Test
    void a_paged_duty_is_the_duty_it_was_made_of() {
        UnitDuty duty = new UnitDuty(7, 2, "二(三)", "推进\"清废\"行动", TaskStatus.ASSIGNED, 11, "庆桐县", 5L, "各县区政府", true);

        assertThat(PagedDuty.of(duty).duty()).isEqualTo(duty);
        assertThat(new PagedDuties(java.util.List.of(PagedDuty.of(duty)))).containsExactly(duty);
        assertThat(PagedDuties.rows(java.util.List.of(duty))).singleElement().extracting(PagedDuty::duty).isEqualTo(duty);
    }
}
