package org.rectify.insight.internal;

import org.rectify.access.DataScope;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one task adds to the kept counts ({@link KeptCounts}): the dimensions it is counted by and every scope key that
 * sees it. Two tallies of the same task differ when the task changed; the counts then lose the old and gain the new.
 */
record TaskTally(long taskId, long planId, String section, String status, String schedule, String level,
                 LocalDate dueMonth, LocalDate closedMonth, List<String> keys) {

    static final String ALL = "A";

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
        return new TaskTally(taskId, planId, section(ref), status, schedule == null ? "" : schedule, level == null ? "" : level,
                deadline == null ? null : deadline.withDayOfMonth(1), closedOn == null ? null : closedOn.withDayOfMonth(1),
                List.copyOf(keys));
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

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9'; // as SIMILAR TO's [0-9]
    }
}
