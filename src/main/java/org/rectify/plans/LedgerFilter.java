package org.rectify.plans;

import java.time.LocalDate;
import java.util.Set;

/**
 * The ledger's filters, sort and page. Every field is optional. {@code section} is a reference prefix
 * such as {@code 二} or {@code 二(三)}; {@code leadUnitId} includes the unit's whole subtree; {@code figure} keeps the
 * tasks a dashboard figure counts (overdue, red, …).
 */
public record LedgerFilter(Long planId, String section, Long leadUnitId, Set<TaskStatus> statuses,
                           LocalDate deadlineFrom, LocalDate deadlineTo, String responsible, String text,
                           Sort sort, boolean descending, int page, int size, TaskFigure figure) {

    public enum Sort {
        REF, DEADLINE, STATUS, UPDATED
    }

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    public LedgerFilter {
        section = blankToNull(section); // a blank field asks nothing: one shape for "not asked" (see asksOnlyStatuses)
        responsible = blankToNull(responsible);
        text = blankToNull(text);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? Sort.REF : sort;
        page = Math.max(page, 0);
        size = size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    }

    /** Without a figure, as before figures existed. */
    public LedgerFilter(Long planId, String section, Long leadUnitId, Set<TaskStatus> statuses,
                        LocalDate deadlineFrom, LocalDate deadlineTo, String responsible, String text,
                        Sort sort, boolean descending, int page, int size) {
        this(planId, section, leadUnitId, statuses, deadlineFrom, deadlineTo, responsible, text, sort, descending, page, size, null);
    }

    public LedgerFilter withPage(int page) {
        return new LedgerFilter(planId, section, leadUnitId, statuses, deadlineFrom, deadlineTo, responsible, text, sort,
                descending, page, size, figure);
    }

    public LedgerFilter withSort(Sort sort, boolean descending) {
        return new LedgerFilter(planId, section, leadUnitId, statuses, deadlineFrom, deadlineTo, responsible, text, sort,
                descending, page, size, figure);
    }

    /**
     * The filter asking for {@code status} alone, in place of its statuses or its figure (a lifecycle figure is the tasks
     * of one status).
     */
    LedgerFilter withOnly(TaskStatus status) {
        return new LedgerFilter(planId, section, leadUnitId, Set.of(status), deadlineFrom, deadlineTo, responsible, text,
                sort, descending, page, size, null);
    }

    /** The filter without its figure (whose tasks a page then reads from the rows that derive it). */
    LedgerFilter withoutFigure() {
        return new LedgerFilter(planId, section, leadUnitId, statuses, deadlineFrom, deadlineTo, responsible, text, sort,
                descending, page, size, null);
    }

    /** Whether the filter asks nothing of a task: every task, in any order. */
    boolean asksNothing() {
        return statuses.isEmpty() && asksOnlyStatuses();
    }

    /**
     * Whether the filter asks for these statuses (or none: every task) and nothing else. Compared with such a filter
     * rather than field by field, so that a field added to the filter cannot be forgotten here (kept totals answer only
     * such filters: a forgotten field would give a wrong total).
     */
    public boolean asksOnlyStatuses() {
        return unordered().equals(new LedgerFilter(null, null, null, statuses, null, null, null, null, Sort.REF, false, 0,
                DEFAULT_PAGE_SIZE, null));
    }

    /**
     * The tasks the filter asks for, whatever their order and page: the same filter sorted another way, or paged by
     * another size, is the same set (one count of it, not one per sort and size).
     */
    public LedgerFilter unordered() {
        return new LedgerFilter(planId, section, leadUnitId, statuses, deadlineFrom, deadlineTo, responsible, text, Sort.REF,
                false, 0, DEFAULT_PAGE_SIZE, figure);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The first {@code size} tasks of a plan (every plan when null), in plan order. */
    public static LedgerFilter ofPlan(Long planId, int size) {
        return new LedgerFilter(planId, null, null, Set.of(), null, null, null, null, Sort.REF, false, 0, size);
    }
}
