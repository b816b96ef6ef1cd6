package org.rectify.intake;

import java.time.LocalDate;

/** What the office says about a plan when publishing it: the inspection it answers and the plan itself. */
public record PlanHeader(String inspectionName, String inspectionTeam, LocalDate feedbackDate,
                         String planTitle, String issuingBody, LocalDate issuedOn) {
}
