package org.rectify.plans;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Kept totals answer only a filter of statuses: which filters are such is decided by the filter itself. */
class LedgerFilterTests {

    private static final Set<TaskStatus> OPEN = Set.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS);

    @Test
    void a_filter_of_statuses_sorted_and_paged_any_way_asks_only_statuses() {
        assertThat(filter(null, null, null, null, null, null, null).asksOnlyStatuses()).isTrue();
        assertThat(new LedgerFilter(null, null, null, OPEN, null, null, null, null, LedgerFilter.Sort.DEADLINE, true, 3, 20)
                .asksOnlyStatuses()).isTrue();
    }

    @Test
    void a_blank_text_asks_nothing_and_is_stored_as_none() {
        LedgerFilter blank = filter(null, " ", null, null, null, "", "\t");
        assertThat(blank.asksOnlyStatuses()).isTrue();
        assertThat(blank.section()).isNull();
        assertThat(blank.responsible()).isNull();
        assertThat(blank.text()).isNull();
    }

    @Test
    void any_other_field_set_asks_more_than_statuses() {
        assertThat(filter(7L, null, null, null, null, null, null).asksOnlyStatuses()).isFalse();
        assertThat(filter(null, "二", null, null, null, null, null).asksOnlyStatuses()).isFalse();
        assertThat(filter(null, null, 3L, null, null, null, null).asksOnlyStatuses()).isFalse();
        assertThat(filter(null, null, null, LocalDate.of(2026, 1, 1), null, null, null).asksOnlyStatuses()).isFalse();
        assertThat(filter(null, null, null, null, LocalDate.of(2026, 1, 1), null, null).asksOnlyStatuses()).isFalse();
        assertThat(filter(null, null, null, null, null, "张", null).asksOnlyStatuses()).isFalse();
        assertThat(filter(null, null, null, null, null, null, "台账").asksOnlyStatuses()).isFalse();
        assertThat(new LedgerFilter(null, null, null, OPEN, null, null, null, null, null, false, 0, 50, TaskFigure.BEHIND)
                .asksOnlyStatuses()).isFalse();
    }

    @Test
    void another_sort_keeps_every_field_and_the_page() {
        LedgerFilter filter = new LedgerFilter(7L, "二", 3L, OPEN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "张",
                "台账", LedgerFilter.Sort.REF, false, 2, 20, TaskFigure.BEHIND);
        assertThat(filter.withSort(LedgerFilter.Sort.DEADLINE, true)).isEqualTo(new LedgerFilter(7L, "二", 3L, OPEN,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "张", "台账", LedgerFilter.Sort.DEADLINE, true, 2, 20,
                TaskFigure.BEHIND));
    }

    private static LedgerFilter filter(Long planId, String section, Long leadUnitId, LocalDate from, LocalDate to,
                                       String responsible, String text) {
        return new LedgerFilter(planId, section, leadUnitId, OPEN, from, to, responsible, text, null, false, 0, 50);
    }
}
