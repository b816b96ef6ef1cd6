package org.rectify.supervision;

import org.rectify.platform.Audited;

import java.time.Instant;

/**
 * The issuer of a supervision notice accepted its reply ({@code accepted}: the notice is done) or sent it back with a
 * comment: one lead unit's answer ({@code unitId}, {@code unitName}; null: the office's answer on a task without lead
 * units), which that unit is to give again.
 */
public record NoticeReplyReviewed(long noticeId, long taskId, String number, boolean accepted, String comment,
                                  String actor, Instant occurredAt,
                                  Long unitId, String unitName) implements Audited {

    @Override
    public String auditAction() {
        return accepted ? "notice.reply-accepted" : "notice.reply-sent-back";
    }

    @Override
    public String auditObject() {
        return "notice:" + noticeId;
    }
}
