package org.rectify.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields an edit changes, by the names the history and the conflict message use. */
final class TaskChanges {

    private TaskChanges() {
    }

    static List<String> between(TaskDetail before, TaskContent after, List<Long> leadUnitIdsAfter,
                                List<Long> supportingUnitIdsAfter) {
        List<String> changed = new ArrayList<>();
        compare(changed, "ref", before.ref(), after.ref());
        compare(changed, "title", blankToNull(before.title()), blankToNull(after.title()));
        compare(changed, "text", before.text(), after.text());
        compare(changed, "measures", blankToNull(before.measures()), blankToNull(after.measures()));
        compare(changed, "leadUnits", before.leadUnits().stream().map(AssignedUnit::unitId).sorted().toList(),
                leadUnitIdsAfter.stream().sorted().toList());
        compare(changed, "supportingUnits", before.supportingUnits().stream().map(AssignedUnit::unitId).sorted().toList(),
                supportingUnitIdsAfter.stream().sorted().toList());
        compare(changed, "responsible", before.responsible(), after.responsible());
        compare(changed, "milestones", before.milestones(), after.milestones());
        compare(changed, "indicators", byValue(before.indicators()), byValue(after.indicators()));
        compare(changed, "obligations", before.obligations(), after.obligations());
        compare(changed, "ongoing", before.ongoing(), after.ongoing());
        return changed;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** Indicators with their numbers by value: 36 typed again is not a change from a stored 36.00. */
    private static List<Indicator> byValue(List<Indicator> indicators) {
        return indicators.stream().map(i -> new Indicator(i.name(), i.comparator(), byValue(i.targetValue()),
                i.unitOfMeasure(), i.dueOn(), byValue(i.baseline()), i.phrase())).toList();
    }

    private static BigDecimal byValue(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
