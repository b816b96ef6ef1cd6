package org.rectify.insight.internal;

import org.rectify.access.Caller;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.TaskFigure;
import org.rectify.supervision.CircularPeriod;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * The dashboard's filters (plan, section, lead unit with its subtree) and the period of its ranking; every figure
 * links to the ledger with the same filters and the figure's own condition.
 */
record InsightFilter(Long planId, String section, Long unitId,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    InsightFilter {
        section = section == null || section.isBlank() ? null : section.strip();
    }

    LedgerFilter ledger() {
        return new LedgerFilter(planId, section, unitId, Set.of(), null, null, null, null, null, false, 0, 0, null);
    }

    /** Whose sub-units the bars rank: the unit filtered on, else the caller's own unit (administrators: the top). */
    Long unitsUnder(Caller caller) {
        if (unitId != null) {
            return unitId;
        }
        return caller.scope().isAll() ? null : caller.unitId();
    }

    /**
     * The ranking's period: as asked, else this month and the two before (a month so far is empty in its first days,
     * before any report is due).
     */
    public LocalDate periodFrom(LocalDate today) {
        return from != null ? from : YearMonth.from(today).minusMonths(2).atDay(1);
    }

    /** The ranking's end: as asked (at most a year after its start, as a circular), else today. */
    public LocalDate periodTo(LocalDate today) {
        LocalDate start = periodFrom(today);
        LocalDate end = to != null && !to.isBefore(start) ? to : today;
        LocalDate longest = start.plusDays(CircularPeriod.MAX_DAYS - 1L);
        return end.isAfter(longest) ? longest : end;
    }

    /** The ledger's tasks counted by {@code figure} (all of them when null), led from {@code unit} if given. */
    public String ledger(TaskFigure figure, Long unit) {
        return ledgerUri(figure, unit).toUriString();
    }

    /** The ledger's tasks due on or before {@code day}. */
    public String ledgerDueBy(LocalDate day) {
        return ledgerUri(null, null).queryParam("deadlineTo", day).toUriString();
    }

    private UriComponentsBuilder ledgerUri(TaskFigure figure, Long unit) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tasks");
        if (planId != null) {
            uri.queryParam("planId", planId);
        }
        if (section != null) {
            uri.queryParam("section", section);
        }
        Long lead = unit != null ? unit : unitId;
        if (lead != null) {
            uri.queryParam("leadUnitId", lead);
        }
        if (figure != null) {
            uri.queryParam("figure", figure);
        }
        return uri;
    }
}
