package org.rectify.notify;

import org.jooq.DSLContext;
import org.jooq.Row7;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static org.rectify.notify.internal.db.Tables.INBOX_MESSAGE;

/** The in-app inbox: delivering to accounts (once per dedupe key), reading, and marking read. */
@Service
@Transactional
public class Inbox {

    /** Arguments are stored joined by this character, which no bundle argument here contains. */
    private static final String SEPARATOR = "\u001F";
    public static final int PAGE = 100;

    private final DSLContext db;
    private final Clock clock;

    Inbox(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A message for some accounts, as {@link #deliver} takes it. */
    public record Delivery(Collection<Long> accountIds, String kind, String dedupeKey, String link, String messageKey,
                           List<String> args) {
    }

    /** {@link #deliver} of many messages, in one statement (per thousand rows) rather than one per account. */
    public int deliverAll(List<Delivery> deliveries) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Row7<Long, String, String, String, String, OffsetDateTime, String>> rows = new ArrayList<>();
        for (Delivery d : deliveries) {
            String args = String.join(SEPARATOR, d.args());
            for (Long account : d.accountIds()) {
                rows.add(DSL.row(account, d.kind(), d.messageKey(), args, d.link(), now, d.dedupeKey()));
            }
        }
        int delivered = 0;
        for (int i = 0; i < rows.size(); i += 1000) {
            delivered += db.insertInto(INBOX_MESSAGE, INBOX_MESSAGE.ACCOUNT_ID, INBOX_MESSAGE.KIND, INBOX_MESSAGE.MESSAGE_KEY,
                            INBOX_MESSAGE.ARGS, INBOX_MESSAGE.LINK, INBOX_MESSAGE.CREATED_AT, INBOX_MESSAGE.DEDUPE_KEY)
                    .valuesOfRows(rows.subList(i, Math.min(i + 1000, rows.size()))).onConflictDoNothing().execute();
        }
        return delivered;
    }

    /** Delivers one message to each account; an account that already has {@code dedupeKey} gets nothing new. */
    public int deliver(Collection<Long> accountIds, String kind, String dedupeKey, String link, String messageKey,
                       String... args) {
        int delivered = 0;
        for (Long account : accountIds) {
            delivered += db.insertInto(INBOX_MESSAGE).set(INBOX_MESSAGE.ACCOUNT_ID, account).set(INBOX_MESSAGE.KIND, kind)
                    .set(INBOX_MESSAGE.MESSAGE_KEY, messageKey).set(INBOX_MESSAGE.ARGS, String.join(SEPARATOR, args))
                    .set(INBOX_MESSAGE.LINK, link).set(INBOX_MESSAGE.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(INBOX_MESSAGE.DEDUPE_KEY, dedupeKey)
                    .onConflictDoNothing().execute();
        }
        return delivered;
    }

    @Transactional(readOnly = true)
    public int unread(long accountId) {
        return db.fetchCount(INBOX_MESSAGE, INBOX_MESSAGE.ACCOUNT_ID.eq(accountId).and(INBOX_MESSAGE.READ_AT.isNull()));
    }

    /** The newest messages of an account, unread first. */
    @Transactional(readOnly = true)
    public List<InboxMessage> messages(long accountId) {
        return db.selectFrom(INBOX_MESSAGE).where(INBOX_MESSAGE.ACCOUNT_ID.eq(accountId))
                .orderBy(INBOX_MESSAGE.READ_AT.isNull().desc(), INBOX_MESSAGE.CREATED_AT.desc(), INBOX_MESSAGE.ID.desc())
                .limit(PAGE)
                .fetch(m -> new InboxMessage(m.getId(), m.getKind(), m.getMessageKey(),
                        m.getArgs().isEmpty() ? List.of() : Arrays.asList(m.getArgs().split(SEPARATOR, -1)),
                        m.getLink(), m.getCreatedAt(), m.getReadAt()));
    }

    /** What one of the account's own messages links to (empty for none, or for another account's message). */
    public java.util.Optional<String> linkOf(long accountId, long messageId) {
        return db.select(INBOX_MESSAGE.LINK).from(INBOX_MESSAGE)
                .where(INBOX_MESSAGE.ID.eq(messageId).and(INBOX_MESSAGE.ACCOUNT_ID.eq(accountId)))
                .fetchOptional(INBOX_MESSAGE.LINK);
    }

    /** Marks one of the account's own messages read; another account's message is left alone. */
    public void markRead(long accountId, long messageId) {
        if (!db.fetchExists(INBOX_MESSAGE, INBOX_MESSAGE.ID.eq(messageId).and(INBOX_MESSAGE.ACCOUNT_ID.eq(accountId)))) {
            // someone else's message is as missing as one that never was
            throw new org.rectify.platform.NotFoundException("notify.messageNotFound", messageId);
        }
        db.update(INBOX_MESSAGE).set(INBOX_MESSAGE.READ_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(INBOX_MESSAGE.ID.eq(messageId).and(INBOX_MESSAGE.ACCOUNT_ID.eq(accountId))
                        .and(INBOX_MESSAGE.READ_AT.isNull())).execute();
    }

    public void markAllRead(long accountId) {
        db.update(INBOX_MESSAGE).set(INBOX_MESSAGE.READ_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(INBOX_MESSAGE.ACCOUNT_ID.eq(accountId).and(INBOX_MESSAGE.READ_AT.isNull())).execute();
    }
}
