package org.rectify.closure;

import org.jooq.DSLContext;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.RectifyException;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.rectify.closure.internal.db.Tables.CLOSURE;
import static org.rectify.closure.internal.db.Tables.CLOSURE_OBJECTION;

/**
 * Objections (异议) from the public during a closure's notice period, without an account. The form cannot flood the
 * database or the office's mailbox: a client (known only by a hash of its address) may object {@value #PER_CLIENT}
 * times an hour, a closure takes at most {@value #PER_CLOSURE} unanswered objections, text and file are size-limited,
 * and the office hears of them once a day per closure. The objector's contact is kept for the office only.
 */
@Service
@Transactional
public class ClosureObjections {

    public static final int PER_CLIENT = 3;
    public static final int PER_CLOSURE = 50;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_CONTACT = 100;
    public static final long MAX_FILE = 5L * 1024 * 1024;

    /** Too many objections from this client, or on this closure: try later. */
    public static class TooMany extends RectifyException {
        public TooMany() {
            super(Kind.TOO_MANY, "closure.objection.tooMany");
        }
    }

    private final DSLContext db;
    private final ClosureViews views;
    private final Evidences evidences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClosureObjections(DSLContext db, ClosureViews views, Evidences evidences, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.views = views;
        this.evidences = evidences;
        this.events = events;
        this.clock = clock;
    }

    /** The key a client is counted by: a hash of its address, never the address itself. */
    public static String clientKey(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("rectify-objection:" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything that can be refused before a file is streamed: the closure under notice, the input, the limits. */
    @Transactional(readOnly = true)
    public ClosureDetail check(long closureId, String text, String contact, long fileSize, String clientKey) {
        ClosureDetail closure = views.underNotice(closureId).filter(c -> !views.today().isAfter(c.noticeUntil()))
                .orElseThrow(() -> new ClosureNotFound(closureId));
        Map<String, String> errors = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            errors.put("text", "closure.objection.textRequired");
        } else if (text.length() > MAX_TEXT) {
            errors.put("text", "closure.objection.textTooLong");
        }
        if (contact != null && contact.length() > MAX_CONTACT) {
            errors.put("contact", "closure.objection.contactTooLong");
        }
        if (fileSize > MAX_FILE) {
            errors.put("file", "closure.objection.fileTooLarge");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, errors.values().iterator().next());
        }
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        if (db.fetchCount(CLOSURE_OBJECTION, CLOSURE_OBJECTION.CLIENT_KEY.eq(clientKey)
                .and(CLOSURE_OBJECTION.RECEIVED_AT.gt(hourAgo.atOffset(ZoneOffset.UTC)))) >= PER_CLIENT
                || db.fetchCount(CLOSURE_OBJECTION, CLOSURE_OBJECTION.CLOSURE_ID.eq(closureId)
                .and(CLOSURE_OBJECTION.UPHELD.isNull())) >= PER_CLOSURE) {
            throw new TooMany();
        }
        return closure;
    }

    /** Records an objection; closing waits until the office answers it. */
    public long object(long closureId, String text, String contact, StagedFile file, String clientKey) {
        db.selectOne().from(CLOSURE).where(CLOSURE.ID.eq(closureId)).forUpdate().fetch(); // the caps hold under a crowd
        ClosureDetail closure = check(closureId, text, contact, file == null ? 0 : file.size(), clientKey);
        Instant now = clock.instant();
        Long evidenceId = null;
        if (file != null) {
            EvidenceFile kept = evidences.record(file, PUBLIC);
            evidenceId = kept.id();
        }
        long id = db.insertInto(CLOSURE_OBJECTION).set(CLOSURE_OBJECTION.CLOSURE_ID, closureId)
                .set(CLOSURE_OBJECTION.TEXT, text.strip())
                .set(CLOSURE_OBJECTION.CONTACT, contact == null || contact.isBlank() ? null : contact.strip())
                .set(CLOSURE_OBJECTION.EVIDENCE_ID, evidenceId).set(CLOSURE_OBJECTION.CLIENT_KEY, clientKey)
                .set(CLOSURE_OBJECTION.RECEIVED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(CLOSURE_OBJECTION.ID).fetchOne(CLOSURE_OBJECTION.ID);
        events.publishEvent(new ObjectionReceived(id, closureId, closure.taskId(), closure.taskRef(),
                views.officeUnit(closure).orElse(null), now));
        return id;
    }

    /** Who uploads a member of the public's file: nobody with an account. */
    private static final org.rectify.access.Caller PUBLIC = new org.rectify.access.Caller(0, "public", "公众", 0, "异议人",
            org.rectify.access.Role.UNIT_STAFF, org.rectify.access.DataScope.ofUnit("/-/"));
}
