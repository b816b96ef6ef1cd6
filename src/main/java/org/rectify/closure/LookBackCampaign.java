package org.rectify.closure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A look-back campaign (专项回头看) over chosen closed tasks of a plan, with how many look-backs it started. Its
 * {@code selection} records the criteria as {@code section=二; leadUnit=市林业局; refs=一(1)、一(2)}.
 */
public record LookBackCampaign(long id, long planId, String title, String selection, long checkingUnitId,
                               String checkingUnitName, LocalDate dueOn, String startedBy, OffsetDateTime startedAt,
                               int lookBacks, int pending) {

    private static final Set<String> NAMES = Set.of("section", "leadUnit", "refs");

    /** One criterion of the selection, labelled on pages by the message {@code lookback.campaign.by.<name>}. */
    public record Criterion(String name, String value) {
    }

    /** The selection's criteria in order; a part not of the form name=value is kept whole as {@code other}. */
    public List<Criterion> criteria() {
        if (selection == null || selection.isBlank()) {
            return List.of();
        }
        return Arrays.stream(selection.split("; ")).map(part -> {
            int eq = part.indexOf('=');
            String name = eq < 0 ? null : part.substring(0, eq);
            return NAMES.contains(name) ? new Criterion(name, part.substring(eq + 1)) : new Criterion("other", part);
        }).toList();
    }
}
