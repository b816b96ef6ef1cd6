package org.rectify.closure.internal.lookback;

import org.rectify.closure.LookBackStatus;

import java.util.Arrays;
import java.util.List;

/** Reading what forms send: an outcome that is not HELD or RELAPSED is none (the rules then refuse it). */
final class LookBackForms {

    private LookBackForms() {
    }

    static LookBackStatus outcome(String value) {
        return "HELD".equals(value) ? LookBackStatus.HELD : "RELAPSED".equals(value) ? LookBackStatus.RELAPSED : null;
    }

    /** Refs typed one per line or separated by commas (全角 too); {@code NewLookBackCampaign} strips them and drops blanks. */
    static List<String> refs(String typed) {
        return typed == null ? List.of() : List.of(typed.split("[,，、;；\\n\\r]+"));
    }

    /** "6、12" or "6,12" → [6, 12]; anything not a number is out of range (-1), so the rules refuse it. */
    static List<Integer> months(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,，、\\s]+")).filter(s -> !s.isBlank()).map(s -> {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }).toList();
    }
}
