package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;

/** A lead unit ({@code unitName}) answered a supervision notice; {@code late} when after the reply-by date (the issuer is to be told). */
public record NoticeAnswered(long noticeId, long taskId, String number, boolean late, Long issuerAccountId,
                             String actor, Instant occurredAt,
                             String unitName) implements Audited {

    @Override
    public String auditAction() {
        return "notice.answered";
    }

    @Override
    public String auditObject() {
        return "notice:" + noticeId;
    }
}
