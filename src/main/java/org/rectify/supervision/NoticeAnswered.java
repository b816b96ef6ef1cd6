package org.rectify.supervision;

import java.time.Instant;

/** A unit answered a supervision notice; {@code late} when after the reply-by date (the issuer is to be told). */
public record NoticeAnswered(long noticeId, long taskId, String number, boolean late, Long issuerAccountId,
                             Instant occurredAt) {
}
