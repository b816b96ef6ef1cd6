package org.rectify.plans;

import java.time.LocalDate;
import java.util.List;

/** A task as its detail page and the API show it. */
public record TaskDetail(long id, long planId, String planTitle, String ref, String title, String text,
                         String measures, TaskStatus status, boolean ongoing, LocalDate deadline, int version,
                         List<AssignedUnit> leadUnits, List<AssignedUnit> supportingUnits,
                         Long responsiblePersonId, ResponsiblePerson responsible, List<Milestone> milestones,
                         List<Indicator> indicators, List<Obligation> obligations, List<TaskHistoryEntry> history) {

    /** Units as a reader of the plan names them: a group once, not each of its members. */
    public static List<String> namesAsWritten(List<AssignedUnit> units) {
        return distinctNames(units.stream().map(u -> u.groupName() != null ? u.groupName() : u.unitName()).toArray(String[]::new));
    }

    /**
     * Each name once, where it first comes ({@link #namesAsWritten} of the units' names, read as such); none for null.
     * A ledger row has one or two, a task at most a few dozen: they are compared with each other rather than put in a
     * set (a hash set for each row was 8 % of the bytes a ledger page's request allocated, issue 14).
     */
    static List<String> distinctNames(String[] names) {
        if (names == null) {
            return List.of();
        }
        String[] kept = new String[names.length];
        int count = 0;
        next:
        for (String name : names) {
            for (int i = 0; i < count; i++) {
                if (java.util.Objects.equals(kept[i], name)) {
                    continue next;
                }
            }
            kept[count++] = name;
        }
        return List.of(count == kept.length ? kept : java.util.Arrays.copyOf(kept, count));
    }

    public List<String> leadUnitNames() {
        return namesAsWritten(leadUnits);
    }

    /** Each lead unit once, a group's members one by one: whom a task's duties and messages go to. */
    public List<Long> leadUnitIds() {
        return leadUnits.stream().map(AssignedUnit::unitId).distinct().toList();
    }

    public List<String> supportingUnitNames() {
        return namesAsWritten(supportingUnits);
    }

    /** Without a date, it reads 长期坚持 rather than 未定 ({@link TaskSummary#readsOngoing}). */
    public boolean readsOngoing() {
        return TaskSummary.readsOngoing(ongoing, status);
    }

    public String displayTitle() {
        return TaskSummary.titleOrExcerpt(title, text);
    }
}
