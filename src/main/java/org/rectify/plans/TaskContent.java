package org.rectify.plans;

import java.util.List;

/** Everything about a task that the office writes: what {@link Tasks#create} and {@link Tasks#update} take. */
public record TaskContent(long planId, String ref, String title, String text, String measures,
                          UnitAssignment leadUnits, UnitAssignment supportingUnits,
                          ResponsiblePerson responsible, List<Milestone> milestones,
                          List<Indicator> indicators, List<Obligation> obligations, boolean ongoing) {

    public TaskContent {
        leadUnits = leadUnits == null ? UnitAssignment.NONE : leadUnits;
        supportingUnits = supportingUnits == null ? UnitAssignment.NONE : supportingUnits;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
    }
}
