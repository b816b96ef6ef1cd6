package org.rectify.closure.internal.lookback;

import org.rectify.closure.LookBackStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Reading what forms send: an outcome that is not HELD or RELAPSED is none (the rules then refuse it). */
final class LookBackForms {

    private LookBackForms() {
    }

    static LookBackStatus outcome(String value) {
        return "HELD".equals(value) ? LookBackStatus.HELD : "RELAPSED".equals(value) ? LookBackStatus.RELAPSED : null;
    }

    /** Refs typed one per line or separated by commas (全角 too). */
    static List<String> refs(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,，、;；\\n\\r]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).filter(Objects::nonNull).toList();
    }
}
