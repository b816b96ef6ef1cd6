package org.rectify.plans;

import java.time.LocalDate;

public record PlanSummary(long id, Long inspectionId, String inspectionName, String title, String issuingBody,
                          LocalDate issuedOn, int taskCount) {
}
