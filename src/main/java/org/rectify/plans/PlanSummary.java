package org.rectify.plans;

import java.time.LocalDate;

/** A plan as lists and forms show it; {@code shortName} (临沧2018) is null until its office names it. */
public record PlanSummary(long id, Long inspectionId, String inspectionName, String title, String issuingBody,
                          LocalDate issuedOn, int taskCount, String shortName) {
}
