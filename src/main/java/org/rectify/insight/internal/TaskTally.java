package org.rectify.insight.internal;

import org.rectify.access.DataScope;
import org.rectify.units.UnitPaths;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one task adds to the kept counts ({@link KeptCounts}): the dimensions it is counted by and every scope key that
 * sees it; the weeks it entered a warning level (the trend); and, while it reports, its lead units (each owes every
 * cycle of the plan a report) with the reports they submitted (the reporting ranking). Two tallies of the same task
 * differ when the task changed; the counts then lose the old and gain the new.
 */
record TaskTally(long taskId, long planId, String section, String item, String status, String schedule, String level,
                 LocalDate deadline, LocalDate closedMonth, List<String> keys, List<String> levelWeeks, List<Lead> leads,
                 List<Submitted> submitted) {

    static final String ALL = "A";

    /**
     * A lead unit of a reporting task, with the keys that read its reporting: {@link #reportKeys}, not the task's own
     * (a county office ranks its own county's reporting on a city task, not its sibling counties').
     */
    record Lead(long unitId, List<String> keys) {
    }

    /** A report a lead unit submitted for a cycle, and whether it came after the cycle's grace period. */
    record Submitted(long unitId, long cycleId, boolean late) {
    }

    /**
     * The tally of a task from its facts: the paths at and above its units ({@code unitReach}), also above its plan's
     * owner ({@code officeReach}), and at and above its lead units ({@code leadReach}): the task's own reach columns,
     * which the scope and lead-unit filters of the ledger test too.
     */
    static TaskTally of(long taskId, long planId, String ref, String status, String schedule, String level,
                        LocalDate deadline, LocalDate closedOn, Collection<String> unitReach, Collection<String> officeReach,
                        Collection<String> leadReach) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ALL);
        officeReach.forEach(p -> keys.add(office(p)));
        unitReach.forEach(p -> keys.add(unit(p)));
        leadReach.forEach(p -> keys.add(led(p)));
        return new TaskTally(taskId, planId, section(ref), item(ref), status, schedule == null ? "" : schedule, level == null ? "" : level,
                deadline, closedOn == null ? null : closedOn.withDayOfMonth(1), List.copyOf(keys), List.of(), List.of(), List.of());
    }

    /** This tally with the task's trend and reporting facts (sorted: two tallies of the same facts are equal). */
    TaskTally with(Collection<String> levelWeeks, Collection<Lead> leads, Collection<Submitted> submitted) {
        return new TaskTally(taskId, planId, section, item, status, schedule, level, deadline, closedMonth, keys,
                levelWeeks.stream().sorted().toList(),
                leads.stream().sorted(java.util.Comparator.comparingLong(Lead::unitId)).toList(),
                submitted.stream().sorted(java.util.Comparator.comparingLong(Submitted::unitId).thenComparingLong(Submitted::cycleId)).toList());
    }

    /** The deadline's month (burn-up: due). */
    LocalDate dueMonth() {
        return deadline == null ? null : deadline.withDayOfMonth(1);
    }

    /** A change of level in the trend: the Monday of the day's week and the level entered ({@code 2026-11-30:RED}). */
    static String levelWeek(LocalDate day, String level) {
        return day.with(DayOfWeek.MONDAY) + ":" + level;
    }

    /**
     * The keys that read a lead unit's reporting on a task, as {@code DueReports} scopes it: everything ({@code A}); the
     * unit's own office and unit scopes and those above it (a unit in the scope's subtree); the offices at and above
     * the plan's owner (they govern the plan and read every lead unit's reporting). A lead-unit filter inside a scope
     * reads the {@code U} key of that unit: the reports of its subtree.
     */
    static List<String> reportKeys(String unitPath, String ownerPath) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ALL);
        for (String p : UnitPaths.andAbove(unitPath)) {
            keys.add(office(p));
            keys.add(unit(p));
        }
        if (ownerPath != null) {
            UnitPaths.andAbove(ownerPath).forEach(p -> keys.add(office(p)));
        }
        return List.copyOf(keys);
    }

    /** The key under which a scope finds the tasks it sees. */
    static String of(DataScope scope) {
        if (scope.isAll()) {
            return ALL;
        }
        return scope.ownPlans() ? office(scope.unitPath()) : unit(scope.unitPath());
    }

    static String office(String path) {
        return "O" + path;
    }

    static String unit(String path) {
        return "U" + path;
    }

    /** Tasks led from the unit at {@code path} or below it. */
    static String led(String path) {
        return "L" + path;
    }

    /**
     * The top-level section whose ledger filter lists the reference ({@code TaskConditions.inSection}: the section
     * itself, {@code 二(…)} or {@code 二1}), or "" when no top-level section does ({@code 六1(二)}).
     */
    static String section(String ref) {
        if (ref == null) {
            return "";
        }
        int paren = ref.indexOf('(');
        if (paren >= 0) {
            String head = ref.substring(0, paren);
            return head.chars().anyMatch(TaskTally::isDigit) ? "" : head;
        }
        int digit = 0;
        while (digit < ref.length() && !isDigit(ref.charAt(digit))) {
            digit++;
        }
        return ref.substring(digit).chars().allMatch(TaskTally::isDigit) ? ref.substring(0, digit) : "";
    }

    /** Whether the kept counts can answer the ledger's filter on {@code section}: a top-level section (letters only). */
    static boolean isTopLevelSection(String section) {
        return section == null || !section.isEmpty() && section.codePoints().allMatch(Character::isLetter);
    }

    /**
     * The item below the top level whose ledger filter lists the reference, or "" when none does: the reference up to
     * its first closing bracket ({@code 二(三)1} → {@code 二(三)}), or the section and the first digit after it
     * ({@code 六12} → {@code 六1}; the generator's {@code 123} → {@code 1}). A filter naming such an item lists exactly
     * the tasks whose item it is ({@code TaskConditions.inSection}: {@code 二(三)…}; {@code 六1}, {@code 六1(…)},
     * {@code 六1} followed by digits).
     */
    static String item(String ref) {
        if (ref == null) {
            return "";
        }
        int head = 0;
        while (head < ref.length() && Character.isLetter(ref.codePointAt(head))) {
            head += Character.charCount(ref.codePointAt(head));
        }
        String item;
        if (head < ref.length() && ref.charAt(head) == '(' && ref.indexOf(')', head) > 0) {
            item = ref.substring(0, ref.indexOf(')', head) + 1);
        } else if (head < ref.length() && isDigit(ref.charAt(head))) {
            item = ref.substring(0, head + 1);
        } else {
            return "";
        }
        return lists(item, ref) ? item : "";
    }

    /** Whether the kept counts per item answer the ledger's filter on {@code section} (an item itself, as {@link #item}). */
    static boolean isItem(String section) {
        return section != null && !section.isEmpty() && item(normalised(section)).equals(normalised(section));
    }

    /** The section filter as the ledger reads it: full-width brackets as ASCII ones. */
    static String normalised(String section) {
        return section == null ? null : section.strip().replace('（', '(').replace('）', ')');
    }

    /** Whether the ledger's filter on the item lists the reference ({@code TaskConditions.inSection}, in Java). */
    private static boolean lists(String item, String ref) {
        if (item.endsWith(")")) {
            return ref.startsWith(item);
        }
        return ref.equals(item) || ref.startsWith(item + "(")
                || ref.startsWith(item) && ref.substring(item.length()).chars().allMatch(TaskTally::isDigit);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9'; // as SIMILAR TO's [0-9]
    }
}
