package org.rectify.closure;

import java.util.List;

/**
 * A plan's look-back rounds: months after closing (default 6 and 12), and the checking unit (null: the unit whose
 * office runs the plan).
 */
public record LookBackSettings(List<Integer> months, Long checkingUnitId) {

    public static final LookBackSettings DEFAULT = new LookBackSettings(List.of(6, 12), null);
    /** A round later than this is not a look-back but a new inspection. */
    public static final int MAX_MONTHS = 60;

    public LookBackSettings {
        months = months == null ? List.of() : months.stream().distinct().sorted().toList();
    }

    /** Rounds within 1 to {@link #MAX_MONTHS} months, at most six of them; none means no scheduled look-back. */
    public boolean isValid() {
        return months.size() <= 6 && months.stream().allMatch(m -> m != null && m >= 1 && m <= MAX_MONTHS);
    }

    public String stored() {
        return String.join(",", months.stream().map(String::valueOf).toList());
    }

    public static List<Integer> parse(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : java.util.Arrays.stream(stored.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
