package org.rectify.supervision;

import java.time.LocalDate;
import java.util.List;

public record NewAccountabilityAction(AccountabilityType type, Long unitId, String personName, String personPost,
                                      LocalDate takenOn, String reason, String decisionRef, List<Long> taskIds) {

    public NewAccountabilityAction {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }
}
