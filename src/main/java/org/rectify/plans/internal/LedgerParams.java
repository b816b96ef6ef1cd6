package org.rectify.plans.internal;

import org.rectify.plans.LedgerFilter;
import org.rectify.plans.TaskStatus;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The ledger's query parameters, the same for the page and the API. */
record LedgerParams(Long planId, String section, Long leadUnitId, List<TaskStatus> status,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineFrom,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineTo,
                    String responsible, String q, LedgerFilter.Sort sort, Boolean desc, Integer page, Integer size) {

    LedgerFilter toFilter() {
        return new LedgerFilter(planId, blankToNull(section), leadUnitId, status == null ? Set.of() : Set.copyOf(status),
                deadlineFrom, deadlineTo, blankToNull(responsible), blankToNull(q), sort, Boolean.TRUE.equals(desc),
                page == null ? 0 : page, size == null ? LedgerFilter.DEFAULT_PAGE_SIZE : size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
