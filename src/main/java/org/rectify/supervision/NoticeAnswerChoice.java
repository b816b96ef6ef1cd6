package org.rectify.supervision;

import org.rectify.platform.ConflictException;
import org.rectify.platform.InvalidInputException;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which lead unit's answer a command is about: the one named ({@code unitId}), or, when none is named, the only one in
 * the state the command needs. Two or more to choose from: the caller must name one; none: the command is refused.
 */
final class NoticeAnswerChoice {

    private NoticeAnswerChoice() {
    }

    static NoticeAnswer of(List<NoticeAnswer> answers, Long unitId, Predicate<NoticeAnswer> ready, String refusal,
                           Object... args) {
        if (unitId != null) {
            NoticeAnswer named = answers.stream().filter(a -> unitId.equals(a.unitId())).findFirst()
                    .orElseThrow(() -> new InvalidInputException(Map.of("unitId", "supervision.notice.notALeadUnit"),
                            "supervision.notice.notALeadUnit"));
            if (!ready.test(named)) {
                throw new ConflictException(refusal, args);
            }
            return named;
        }
        List<NoticeAnswer> candidates = answers.stream().filter(ready).toList();
        if (candidates.isEmpty()) {
            throw new ConflictException(refusal, args);
        }
        if (candidates.size() > 1) {
            throw new InvalidInputException(Map.of("unitId", "supervision.notice.chooseUnit"), "supervision.notice.chooseUnit");
        }
        return candidates.get(0);
    }
}
