package org.rectify.closure;

import org.rectify.platform.Audited;

import java.time.Instant;

/** The office started a look-back campaign over chosen closed tasks. */
public record LookBackCampaignStarted(long campaignId, long planId, int lookBacks, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "lookback.campaign-started";
    }

    @Override
    public String auditObject() {
        return "look-back-campaign:" + campaignId;
    }
}
