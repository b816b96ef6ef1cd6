package org.rectify.plans.internal;

import org.junit.jupiter.api.Test;
import org.rectify.plans.LedgerPage;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger page's rows written by hand, their title and text as the database's UTF-8 bytes, are the bytes the mapper's
 * bean serializers write of the same summaries: every status, null and present values, dates far off, and texts that
 * need escaping (quotes, backslashes, control characters, Chinese, characters outside the BMP); and to a page's
 * template they are the same summaries.
 */
class WrittenSummariesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PIECES = {"整改", "\"", "\\", "/", "\n", "\r", "\t", "\u0001", "\u001f", "\u007f",
            "\u0080", "\u00a0", "\u2028", "\u2029", "😀", "𠮷", "a", "</script>", "&", "<", "'", " ", "é", "\uFFFF",
            "\uFEFF", "，"};
    private static final LocalDate[] DATES = {LocalDate.of(2025, 1, 2), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
            LocalDate.of(10_000, 1, 1), LocalDate.of(-5, 3, 4), LocalDate.of(2026, 12, 4)};

    @Test
    void rows_in_every_status_with_and_without_values_are_written_as_the_mapper_writes_their_summaries() {
        Random random = new Random(20);
        List<WrittenSummaries.Row> rows = new ArrayList<>();
        for (TaskStatus status : TaskStatus.values()) {
            for (int i = 0; i < 40; i++) {
                rows.add(new WrittenSummaries.Row(random.nextLong(), random.nextLong(), maybe(random),
                        utf8(maybe(random)), utf8(maybe(random)), status,
                        random.nextBoolean() ? null : DATES[random.nextInt(DATES.length)], leads(random),
                        maybe(random), random.nextBoolean()));
            }
        }
        rows.add(new WrittenSummaries.Row(Long.MIN_VALUE, Long.MAX_VALUE, null, null, null, null, null, null, null, false));
        rows.add(new WrittenSummaries.Row(1, 2, "", utf8(""), utf8(""), TaskStatus.ONGOING, null, List.of(), "", true));
        List<TaskSummary> written = WrittenSummaries.of(rows);
        List<TaskSummary> summaries = new ArrayList<>(written);

        assertThat(JSON.writeValueAsBytes(written)).as("into bytes, as an answer").isEqualTo(JSON.writeValueAsBytes(summaries));
        assertThat(JSON.writeValueAsString(written)).as("into text").isEqualTo(JSON.writeValueAsString(summaries));
        assertThat(JSON.writeValueAsString(WrittenSummaries.of(List.of()))).isEqualTo("[]");
    }

    @Test
    void every_deadline_of_three_decades_and_the_years_at_the_ends_of_four_digits_is_written_as_the_mapper_writes_it() {
        List<WrittenSummaries.Row> rows = new ArrayList<>();
        for (LocalDate day = LocalDate.of(1999, 12, 25); day.isBefore(LocalDate.of(2031, 1, 8)); day = day.plusDays(1)) {
            rows.add(new WrittenSummaries.Row(1, 2, "1", null, null, TaskStatus.ASSIGNED, day, List.of(), null, false));
        }
        for (LocalDate day : new LocalDate[]{LocalDate.of(0, 1, 1), LocalDate.of(-1, 12, 31), LocalDate.of(999, 9, 9),
                LocalDate.of(1000, 10, 10), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1)}) {
            rows.add(new WrittenSummaries.Row(1, 2, "1", null, null, TaskStatus.ASSIGNED, day, List.of(), null, false));
        }
        List<TaskSummary> written = WrittenSummaries.of(rows);

        assertThat(JSON.writeValueAsString(written)).isEqualTo(JSON.writeValueAsString(new ArrayList<>(written)));
        assertThat(JSON.writeValueAsBytes(written)).isEqualTo(JSON.writeValueAsBytes(new ArrayList<>(written)));
    }

    @Test
    void a_row_is_the_summary_its_values_make_with_its_title_and_text_decoded() {
        var row = new WrittenSummaries.Row(7, 2, "二(三)", utf8("推进\"清废\"行动😀"), null, TaskStatus.IN_PROGRESS,
                LocalDate.of(2025, 2, 3), List.of("庆桐县", "庆桐县水务局"), "王五", false);

        assertThat(WrittenSummaries.of(List.of(row))).as("a list like any other").containsExactly(new TaskSummary(7, 2,
                "二(三)", "推进\"清废\"行动😀", null, TaskStatus.IN_PROGRESS, LocalDate.of(2025, 2, 3),
                List.of("庆桐县", "庆桐县水务局"), "王五", false));
    }

    @Test
    void a_page_with_written_rows_inside_is_the_same_document() {
        var row = new WrittenSummaries.Row(7, 2, "3144", utf8("持续改善\\生态"), utf8("进一步深化\n改革,“回头看”"),
                TaskStatus.ONGOING, LocalDate.of(2024, 12, 8), List.of("沙鹤区住房和城乡建设局"), null, true);
        var written = new LedgerPage(WrittenSummaries.of(List.of(row)), 6_988, false, 0, 50);
        var plain = new LedgerPage(new ArrayList<>(written.tasks()), 6_988, false, 0, 50);

        assertThat(JSON.writeValueAsBytes(written)).isEqualTo(JSON.writeValueAsBytes(plain));
        assertThat(JSON.writeValueAsString(written)).isEqualTo(JSON.writeValueAsString(plain)).contains("\"text\":\"进一步深化\\n改革,“回头看”\"");
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> leads(Random random) {
        List<String> names = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            names.add(text(random));
        }
        return names;
    }

    private static String maybe(Random random) {
        return random.nextInt(5) == 0 ? null : text(random);
    }

    /** 0 to 8 pieces of text, some needing escapes. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(9); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
