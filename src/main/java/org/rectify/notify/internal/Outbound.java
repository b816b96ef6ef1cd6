package org.rectify.notify.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.notify.internal.db.tables.records.OutboundMessageRecord;
import org.rectify.plans.TaskLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.rectify.notify.internal.db.Tables.OUTBOUND_MESSAGE;

/**
 * The outbox of email and webhook messages. Queuing is part of the caller's transaction and happens once per
 * (channel, address, dedupe key). Sending claims due rows with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * commits, sends each outside any transaction, then records the outcome: SENT, or a retry after the
 * {@link RetrySchedule}, or FAILED after the last attempt. Rows are independent: a failing webhook delays
 * nothing else. Two nodes never claim one row at once; a node that dies after sending but before recording
 * leaves the row to be sent again once its lease has expired (at most once more).
 */
@Service
public class Outbound {

    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final MailChannel mail;
    private final WebhookChannel webhookChannel;
    private final Webhooks webhooks;
    private final TaskLedger tasks;
    private final RetrySchedule retries = RetrySchedule.STANDARD;
    private final int batchSize;

    Outbound(DSLContext db, TransactionTemplate transaction, MailChannel mail, WebhookChannel webhookChannel,
             Webhooks webhooks, TaskLedger tasks, @Value("${rectify.outbound.batch-size:50}") int batchSize) {
        this.db = db;
        this.transaction = transaction;
        this.mail = mail;
        this.webhookChannel = webhookChannel;
        this.webhooks = webhooks;
        this.tasks = tasks;
        this.batchSize = batchSize;
    }

    /** Queues one message; returns its id, or empty when this channel and address already have the key. */
    Optional<Long> queue(Channel channel, String address, Long webhookId, Outgoing message, String subject, String body,
                         String link, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return db.insertInto(OUTBOUND_MESSAGE)
                .set(OUTBOUND_MESSAGE.CHANNEL, channel.name()).set(OUTBOUND_MESSAGE.ADDRESS, address)
                .set(OUTBOUND_MESSAGE.WEBHOOK_ID, webhookId).set(OUTBOUND_MESSAGE.TASK_ID, message.taskId())
                .set(OUTBOUND_MESSAGE.KIND, message.kind()).set(OUTBOUND_MESSAGE.DEDUPE_KEY, message.dedupeKey())
                .set(OUTBOUND_MESSAGE.SUBJECT, subject).set(OUTBOUND_MESSAGE.BODY, body).set(OUTBOUND_MESSAGE.LINK, link)
                .set(OUTBOUND_MESSAGE.NEXT_ATTEMPT_AT, at).set(OUTBOUND_MESSAGE.CREATED_AT, at)
                .onConflictDoNothing()
                .returning(OUTBOUND_MESSAGE.ID).fetchOptional(OUTBOUND_MESSAGE.ID);
    }

    /** Sends what is due at {@code now}, one batch; returns how many rows this call claimed. */
    public int sendDue(Instant now) {
        return send(claim(now, OUTBOUND_MESSAGE.NEXT_ATTEMPT_AT.le(now.atOffset(ZoneOffset.UTC)), batchSize), now);
    }

    /** Sends one pending message now, if no other node holds it (the webhook page's "send test message"). */
    public void sendNow(long id, Instant now) {
        send(claim(now, OUTBOUND_MESSAGE.ID.eq(id), 1), now);
    }

    private int send(List<OutboundRow> claimed, Instant now) {
        Map<Long, Boolean> openTasks = new HashMap<>();
        for (OutboundRow row : claimed) {
            try {
                Outcome outcome = attempt(row, openTasks);
                transaction.executeWithoutResult(s -> record(row, outcome, now));
            } catch (RuntimeException e) { // e.g. the database went away: the lease runs out and another try follows
                log.warn("Outbound message {} not recorded: {}", row.id(), e.toString());
            }
        }
        return claimed.size();
    }

    private List<OutboundRow> claim(Instant now, Condition which, int limit) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime lease = at.plus(LEASE);
        return transaction.execute(status -> {
            List<Long> ids = db.select(OUTBOUND_MESSAGE.ID).from(OUTBOUND_MESSAGE)
                    .where(OUTBOUND_MESSAGE.STATUS.eq("PENDING").and(which)
                            .and(OUTBOUND_MESSAGE.LOCKED_UNTIL.isNull().or(OUTBOUND_MESSAGE.LOCKED_UNTIL.lt(at))))
                    .orderBy(OUTBOUND_MESSAGE.NEXT_ATTEMPT_AT, OUTBOUND_MESSAGE.ID)
                    .limit(limit)
                    .forUpdate().skipLocked()
                    .fetch(OUTBOUND_MESSAGE.ID);
            if (ids.isEmpty()) {
                return List.of();
            }
            return db.update(OUTBOUND_MESSAGE).set(OUTBOUND_MESSAGE.LOCKED_UNTIL, lease)
                    .where(OUTBOUND_MESSAGE.ID.in(ids))
                    .returning().fetch().sortAsc(OUTBOUND_MESSAGE.ID).map(Outbound::row);
        });
    }

    private Outcome attempt(OutboundRow row, Map<Long, Boolean> openTasks) {
        if (row.taskId() != null && !openTasks.computeIfAbsent(row.taskId(), tasks::isOpen)) {
            return new Outcome(Status.CANCELLED, "task closed");
        }
        Delivery delivery;
        if (row.channel() == Channel.EMAIL) {
            delivery = mail.send(row);
        } else {
            Optional<Webhooks.Target> target = webhooks.target(row.webhookId());
            if (target.isEmpty() || !target.get().enabled()) {
                return new Outcome(Status.CANCELLED, "webhook disabled");
            }
            delivery = webhookChannel.send(target.get(), row);
        }
        return delivery.delivered() ? new Outcome(Status.SENT, null) : new Outcome(null, delivery.error());
    }


    /** Records what became of an attempt, if this node still holds the row's lease. */
    private void record(OutboundRow row, Outcome outcome, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int attempts = row.attempts() + (outcome.status() == Status.CANCELLED ? 0 : 1);
        var update = db.update(OUTBOUND_MESSAGE).set(OUTBOUND_MESSAGE.ATTEMPTS, attempts)
                .set(OUTBOUND_MESSAGE.LOCKED_UNTIL, (OffsetDateTime) null);
        if (outcome.status() == Status.SENT) {
            update = update.set(OUTBOUND_MESSAGE.STATUS, "SENT").set(OUTBOUND_MESSAGE.SENT_AT, at);
        } else if (outcome.status() == Status.CANCELLED) {
            update = update.set(OUTBOUND_MESSAGE.STATUS, "CANCELLED").set(OUTBOUND_MESSAGE.LAST_ERROR, outcome.error());
        } else {
            // a test message is tried once: the office is watching the page, not waiting for a retry
            Optional<Duration> wait = Dispatcher.TEST_KIND.equals(row.kind()) ? Optional.empty() : retries.after(attempts);
            update = update.set(OUTBOUND_MESSAGE.LAST_ERROR, outcome.error());
            update = wait.isPresent()
                    ? update.set(OUTBOUND_MESSAGE.NEXT_ATTEMPT_AT, at.plus(wait.get()))
                    : update.set(OUTBOUND_MESSAGE.STATUS, "FAILED");
            log.info("{} message {} to {} failed (attempt {}): {}", row.channel(), row.id(),
                    row.channel() == Channel.EMAIL ? row.address() : "webhook " + row.webhookId(), attempts, outcome.error());
        }
        int recorded = update.where(OUTBOUND_MESSAGE.ID.eq(row.id()).and(OUTBOUND_MESSAGE.STATUS.eq("PENDING"))
                .and(OUTBOUND_MESSAGE.LOCKED_UNTIL.eq(row.lease()))).execute();
        if (recorded == 0) {
            log.warn("Outbound message {}: lease lost before its outcome was recorded", row.id());
        }
    }

    private static OutboundRow row(OutboundMessageRecord r) {
        return new OutboundRow(r.getId(), Channel.valueOf(r.getChannel()), r.getAddress(), r.getWebhookId(), r.getTaskId(),
                r.getKind(), r.getDedupeKey(), r.getSubject(), r.getBody(), r.getLink(), r.getAttempts(), r.getLockedUntil());
    }

    private enum Status { SENT, CANCELLED }

    /** SENT, CANCELLED (not to be sent), or null for a failure to retry. */
    private record Outcome(Status status, String error) {
    }
}
