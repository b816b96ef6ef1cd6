package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A supervision notice went out; the units it names are to be told. */
public record NoticeIssued(long noticeId, long taskId, String number, LocalDate replyBy, Instant occurredAt) {
}
