package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;
import java.time.LocalDate;

/** A supervision notice went out; the units it names are to be told. */
public record NoticeIssued(long noticeId, long taskId, String number, LocalDate replyBy, String actor, Instant occurredAt) implements Audited {

    @Override
    public String auditAction() {
        return "notice.issued";
    }

    @Override
    public String auditObject() {
        return "notice:" + noticeId;
    }
}
