package org.rectify.notify.internal;

import java.time.OffsetDateTime;

/** One claimed row of the outbox: what to send, where, and the lease under which this node sends it. */
record OutboundRow(long id, Channel channel, String address, Long webhookId, Long taskId, String kind, String dedupeKey,
                   String subject, String body, String link, int attempts, OffsetDateTime lease) {
}
