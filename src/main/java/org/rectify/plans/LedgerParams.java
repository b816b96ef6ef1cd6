package org.rectify.plans;

import org.rectify.platform.QueryRecord;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The ledger's query parameters, the same for the page, the API and the export (insight's .xlsx). */
@QueryRecord
public record LedgerParams(Long planId, String section, Long leadUnitId, List<TaskStatus> status,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineFrom,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineTo,
                           String responsible, String q, LedgerFilter.Sort sort, Boolean desc, Integer page, Integer size,
                           TaskFigure figure) {

    public LedgerFilter toFilter() {
        return new LedgerFilter(planId, blankToNull(section), leadUnitId, status == null ? Set.of() : Set.copyOf(status),
                deadlineFrom, deadlineTo, blankToNull(responsible), blankToNull(q), sort, Boolean.TRUE.equals(desc),
                page == null ? 0 : page, size == null ? LedgerFilter.DEFAULT_PAGE_SIZE : size, figure);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
