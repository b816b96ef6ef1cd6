package org.rectify.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 约谈 / 问责 taken against a unit or a person, with the decision document's number and the tasks concerned. */
public record AccountabilityAction(long id, AccountabilityType type, Long unitId, String unitName, String personName,
                                   String personPost, LocalDate takenOn, String reason, String decisionRef,
                                   String recordedBy, OffsetDateTime recordedAt, List<TaskRef> tasks) {
}
