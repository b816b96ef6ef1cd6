package org.rectify.closure;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A look-back campaign (专项回头看) over chosen closed tasks of a plan, with how many look-backs it started. */
public record LookBackCampaign(long id, long planId, String title, String selection, long checkingUnitId,
                               String checkingUnitName, LocalDate dueOn, String startedBy, OffsetDateTime startedAt,
                               int lookBacks, int pending) {
}
