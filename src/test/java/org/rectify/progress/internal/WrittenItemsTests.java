package org.rectify.progress.internal;

import org.junit.jupiter.api.Test;
import org.rectify.plans.TaskStatus;
import org.rectify.progress.DueList;
import org.rectify.progress.ReportState;
import org.rectify.progress.SlotStatus;
import org.rectify.progress.VersionStatus;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due list's items and supported tasks written by hand are the bytes the mapper's bean serializers write of the
 * same records: every state, null and present values, and texts that need escaping (quotes, backslashes, control
 * characters, Chinese, characters outside the BMP).
 */
class WrittenItemsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PIECES = {"整改", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "\u007f", "\u2028", "😀",
            "a", "</script>", "&", " ", "é", "\uFFFF"};

    @Test
    void items_in_every_state_with_and_without_values_are_written_as_the_mapper_writes_them() {
        Random random = new Random(14);
        List<DueList.Item> items = new ArrayList<>();
        for (TaskStatus taskStatus : TaskStatus.values()) {
            for (ReportState state : ReportState.values()) {
                for (VersionStatus latest : VersionStatus.values()) {
                    items.add(new DueList.Item(random.nextLong(), text(random), text(random), taskStatus,
                            random.nextInt(5_000), text(random), random.nextBoolean() ? null : text(random),
                            new SlotStatus(state, random.nextInt(400), random.nextLong(), random.nextInt(9), latest,
                                    random.nextBoolean() ? null : random.nextLong()), random.nextInt(50)));
                }
                items.add(new DueList.Item(Long.MAX_VALUE, null, null, taskStatus, Long.MIN_VALUE, null, null,
                        new SlotStatus(state, 0, null, null, null, null), 0));
            }
        }
        items.add(new DueList.Item(1, "1", "t", null, 2, "u", "g", null, -1));
        items.add(new DueList.Item(1, "1", "t", TaskStatus.ASSIGNED, 2, "u", null, SlotStatus.MISSING, 0));

        assertThat(JSON.writeValueAsString(DueRows.items(items))).isEqualTo(JSON.writeValueAsString(new ArrayList<>(items)));
        assertThat(JSON.writeValueAsString(DueRows.items(List.of()))).isEqualTo("[]");
        assertThat(DueRows.items(items)).as("a list like any other").isEqualTo(items);
    }

    @Test
    void supported_tasks_with_and_without_values_are_written_as_the_mapper_writes_them() {
        Random random = new Random(19);
        List<DueList.Support> supporting = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            supporting.add(new DueList.Support(random.nextLong(), text(random), random.nextBoolean() ? null : text(random),
                    random.nextLong(), text(random), random.nextInt()));
        }
        supporting.add(new DueList.Support(0, null, null, 0, null, 0));

        assertThat(JSON.writeValueAsString(DueRows.supporting(supporting)))
                .isEqualTo(JSON.writeValueAsString(new ArrayList<>(supporting)));
        assertThat(JSON.writeValueAsString(DueRows.supporting(List.of()))).isEqualTo("[]");
        assertThat(DueRows.supporting(supporting)).isEqualTo(supporting);
    }

    @Test
    void a_page_with_hand_written_lists_inside_is_the_same_document() {
        var item = new DueList.Item(7, "二(三)", "推进\"清废\"行动", TaskStatus.IN_PROGRESS, 11, "庆桐县", null,
                new SlotStatus(ReportState.LATE, 3, 90L, 2, VersionStatus.SUBMITTED, 90L), 1);
        var support = new DueList.Support(8, "4", "标题", 12, "水务局", 2);
        var written = new DueList.PlanDue(2, "方案", null, null, List.of(), DueRows.items(List.of(item)),
                DueRows.supporting(List.of(support)));
        var plain = new DueList.PlanDue(2, "方案", null, null, List.of(), new ArrayList<>(List.of(item)),
                new ArrayList<>(List.of(support)));

        assertThat(JSON.writeValueAsString(new DueList(List.of(written)))).isEqualTo(JSON.writeValueAsString(new DueList(List.of(plain))))
                .contains("\"taskTitle\":\"推进\\\"清废\\\"行动\"");
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
