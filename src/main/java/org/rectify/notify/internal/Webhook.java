package org.rectify.notify.internal;

import java.time.OffsetDateTime;

/**
 * A webhook as the office sees it: never its secret, only whether it has one; and how its last delivery
 * went (status PENDING/SENT/FAILED/CANCELLED with the error, null if nothing was sent to it yet).
 */
public record Webhook(long id, String name, WebhookFormat format, String url, boolean hasSecret, Long unitId,
                      String unitName, boolean enabled, String lastStatus, String lastError, OffsetDateTime lastAt) {

    /** The message key of a refused target (so pages say it in the reader's language); null for other errors. */
    public String lastErrorKey() {
        return WebhookTargets.Refusal.of(lastError).map(r -> r.messageKey).orElse(null);
    }
}
