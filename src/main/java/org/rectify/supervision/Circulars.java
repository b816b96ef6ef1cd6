package org.rectify.supervision;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.access.Jurisdiction;
import org.rectify.access.Role;
import org.rectify.plans.Plans;
import org.rectify.platform.ConflictException;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.supervision.internal.CircularFactFinder;
import org.rectify.supervision.internal.CircularWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rectify.supervision.internal.db.Tables.CIRCULAR;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.supervision.internal.db.Tables.CIRCULAR_COUNTER;

/**
 * Circulars (通报): the office drafts one for a period from the facts in its scope, edits the text and publishes it
 * with a number per year. The supervision office may draft and edit too (as it issues notices); only the office
 * publishes and deletes drafts. Leaders and the supervision office read drafts; once published, a circular is
 * circulated: every signed-in user reads it. A published circular is never changed.
 */
@Service
@Transactional
public class Circulars {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final CircularFactFinder facts;
    private final Plans plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NoticeNumbering numbering;
    private final String addressees;
    private final IssuingOffice issuingOffice;

    Circulars(DSLContext db, CircularFactFinder facts, Plans plans, ApplicationEventPublisher events, Clock clock,
              @Value("${rectify.supervision.circular-number:督通〔{0}〕{1}号}") String numberPattern,
              @Value("${rectify.supervision.circular-addressees:各县（区）委、政府，市直各有关部门：}") String addressees,
              IssuingOffice issuingOffice) {
        this.issuingOffice = issuingOffice;
        this.db = db;
        this.facts = facts;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
        this.numbering = new NoticeNumbering(numberPattern);
        this.addressees = addressees;
    }

    public static boolean mayDraft(Caller caller) {
        return caller.role().managesTasks() || caller.role() == Role.SUPERVISOR;
    }

    public static boolean mayPublish(Caller caller) {
        return caller.role().managesTasks();
    }

    /** Drafts are read by those who write circulars and by leaders; unit users see published circulars only. */
    public static boolean mayReadDrafts(Caller caller) {
        return mayDraft(caller) || caller.role() == Role.LEADER;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Drafts a circular on the period (of one plan, or all in the caller's scope) from today's facts. */
    public long draft(CircularPeriod period, Long planId, Caller caller) {
        if (!mayDraft(caller)) {
            throw new ForbiddenException("supervision.circular.forbidden");
        }
        check(period);
        // a plan only narrows the facts, which are those of the caller's scope; the circular is the caller's office's
        String planTitle = planId == null ? null : plans.visible(planId, caller.scope()).title();
        CircularFacts found = facts.find(period, planId, planTitle, today(), caller.scope());
        CircularWriter.Draft text = CircularWriter.write(period, found, addressees);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        long id = db.insertInto(CIRCULAR).set(CIRCULAR.PLAN_ID, planId).set(CIRCULAR.OWNER_UNIT_ID, caller.unitId())
                .set(CIRCULAR.PERIOD_FROM, period.from()).set(CIRCULAR.PERIOD_TO, period.to())
                .set(CIRCULAR.STATUS, CircularStatus.DRAFT.name())
                .set(CIRCULAR.TITLE, text.title()).set(CIRCULAR.ADDRESSEES, text.addressees()).set(CIRCULAR.BODY, text.body())
                .set(CIRCULAR.ISSUER_UNIT, issuingOffice.nameFor(caller))
                .set(CIRCULAR.FACTS, JSONB.valueOf(JSON.writeValueAsString(found)))
                .set(CIRCULAR.CREATED_BY, caller.signature()).set(CIRCULAR.CREATED_AT, now)
                .set(CIRCULAR.UPDATED_BY, caller.signature()).set(CIRCULAR.UPDATED_AT, now)
                .returning(CIRCULAR.ID).fetchOne(CIRCULAR.ID);
        events.publishEvent(SupervisionChanged.of(caller.signature(), "circular.drafted", "circular:" + id, now.toInstant(),
                "from", period.from(), "to", period.to(), "planId", planId, "title", text.title()));
        return id;
    }

    /**
     * Saves the office's text. Refused when the circular is published, or when someone saved it since
     * {@code text.version()} (naming who and when): nothing is written, the editor keeps their text.
     */
    public Circular edit(long id, CircularText text, Caller caller) {
        Circular current = governedOne(id, caller);
        if (!mayDraft(caller)) {
            throw new ForbiddenException("supervision.circular.forbidden");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "title", text.title());
        require(errors, "addressees", text.addressees());
        require(errors, "body", text.body());
        require(errors, "issuerUnit", text.issuerUnit());
        if (text.version() == null) {
            errors.put("version", "supervision.circular.versionRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        refuseIfPublished(current);
        int updated = db.update(CIRCULAR).set(CIRCULAR.TITLE, text.title().strip())
                .set(CIRCULAR.ADDRESSEES, text.addressees().strip()).set(CIRCULAR.BODY, text.body().strip())
                .set(CIRCULAR.ISSUER_UNIT, text.issuerUnit().strip())
                .set(CIRCULAR.VERSION, CIRCULAR.VERSION.plus(1)).set(CIRCULAR.UPDATED_BY, caller.signature())
                .set(CIRCULAR.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(CIRCULAR.ID.eq(id).and(CIRCULAR.VERSION.eq(text.version()))
                        .and(CIRCULAR.STATUS.eq(CircularStatus.DRAFT.name())))
                .execute();
        if (updated == 0) {
            throw stale(get(id, caller));
        }
        events.publishEvent(SupervisionChanged.of(caller.signature(), "circular.edited", "circular:" + id, clock.instant(),
                "version", text.version() + 1, "title", text.title().strip(), "addressees", text.addressees().strip(),
                "body", text.body().strip(), "issuerUnit", text.issuerUnit().strip()));
        return get(id, caller);
    }

    /** Publishes a draft with the next number of the year; {@code version}, when given, must still be current. */
    public Circular publish(long id, Integer version, Caller caller) {
        Circular current = governedOne(id, caller);
        if (!mayPublish(caller)) {
            throw new ForbiddenException("supervision.circular.publishForbidden");
        }
        refuseIfPublished(current);
        if (version != null && version != current.version()) {
            throw stale(current);
        }
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, clock.getZone()).getYear();
        int seq = db.insertInto(CIRCULAR_COUNTER).set(CIRCULAR_COUNTER.YEAR, year).set(CIRCULAR_COUNTER.LAST, 1)
                .onConflict(CIRCULAR_COUNTER.YEAR).doUpdate().set(CIRCULAR_COUNTER.LAST, CIRCULAR_COUNTER.LAST.plus(1))
                .returning(CIRCULAR_COUNTER.LAST).fetchOne(CIRCULAR_COUNTER.LAST);
        String number = numbering.format(year, seq);
        int updated = db.update(CIRCULAR).set(CIRCULAR.STATUS, CircularStatus.PUBLISHED.name())
                .set(CIRCULAR.YEAR, year).set(CIRCULAR.SEQ, seq).set(CIRCULAR.NUMBER, number)
                .set(CIRCULAR.PUBLISHED_BY, caller.signature()).set(CIRCULAR.PUBLISHED_AT, now.atOffset(ZoneOffset.UTC))
                .set(CIRCULAR.VERSION, CIRCULAR.VERSION.plus(1))
                .where(CIRCULAR.ID.eq(id).and(CIRCULAR.VERSION.eq(current.version()))
                        .and(CIRCULAR.STATUS.eq(CircularStatus.DRAFT.name())))
                .execute();
        if (updated == 0) { // someone saved or published it in between: theirs stands, the number is not used
            throw new ConflictException("supervision.circular.changedMeanwhile");
        }
        events.publishEvent(new CircularPublished(id, number, current.title(), caller.unitId(), caller.signature(), now));
        return get(id, caller);
    }

    /** Deletes a draft (the office); a published circular stays. */
    public void delete(long id, Caller caller) {
        Circular current = governedOne(id, caller);
        if (!mayPublish(caller)) {
            throw new ForbiddenException("supervision.circular.deleteForbidden");
        }
        refuseIfPublished(current);
        db.deleteFrom(CIRCULAR).where(CIRCULAR.ID.eq(id).and(CIRCULAR.STATUS.eq(CircularStatus.DRAFT.name()))).execute();
        events.publishEvent(SupervisionChanged.of(caller.signature(), "circular.deleted", "circular:" + id, clock.instant(),
                "title", current.title(), "version", current.version()));
    }

    /** One circular; a draft the caller may not read is "not found", like anything outside a scope. */
    @Transactional(readOnly = true)
    public Circular get(long id, Caller caller) {
        Record r = db.selectFrom(CIRCULAR).where(CIRCULAR.ID.eq(id).and(readable(caller))).fetchOne();
        if (r == null) {
            throw new CircularNotFound(id);
        }
        return toCircular(r);
    }

    /** The circulars the caller may read: drafts first (newest first), then published ones, newest first. */
    @Transactional(readOnly = true)
    public List<CircularSummary> all(Caller caller) {
        return query(caller, null);
    }

    /** A page of {@link #all}, with the total. */
    @Transactional(readOnly = true)
    public ListPage<CircularSummary> page(Caller caller, Paging paging) {
        return paging.fetch(db.fetchCount(CIRCULAR, readable(caller)), p -> query(caller, p));
    }

    private List<CircularSummary> query(Caller caller, Paging paging) {
        return Paging.rows(db.select(CIRCULAR.ID, CIRCULAR.NUMBER, CIRCULAR.TITLE, CIRCULAR.PERIOD_FROM, CIRCULAR.PERIOD_TO,
                        CIRCULAR.STATUS, CIRCULAR.PUBLISHED_AT, CIRCULAR.UPDATED_AT)
                .from(CIRCULAR).where(readable(caller))
                .orderBy(CIRCULAR.STATUS.asc(), CIRCULAR.PUBLISHED_AT.desc().nullsFirst(), CIRCULAR.UPDATED_AT.desc(),
                        CIRCULAR.ID.desc()), paging)
                .map(r -> new CircularSummary(r.get(CIRCULAR.ID), r.get(CIRCULAR.NUMBER), r.get(CIRCULAR.TITLE),
                        new CircularPeriod(r.get(CIRCULAR.PERIOD_FROM), r.get(CIRCULAR.PERIOD_TO)),
                        CircularStatus.valueOf(r.get(CIRCULAR.STATUS)), r.get(CIRCULAR.PUBLISHED_AT), r.get(CIRCULAR.UPDATED_AT)));
    }

    /** Published circulars, and the drafts of the offices the caller governs (if its role reads drafts). */
    private static org.jooq.Condition readable(Caller caller) {
        org.jooq.Condition published = CIRCULAR.STATUS.eq(CircularStatus.PUBLISHED.name());
        if (!mayReadDrafts(caller)) {
            return published;
        }
        return published.or(governed(caller));
    }

    /** The circulars of the offices the caller governs: the ones it may edit, publish and delete. */
    private static org.jooq.Condition governed(Caller caller) {
        return caller.scope().isAll() ? org.jooq.impl.DSL.trueCondition() : CIRCULAR.OWNER_UNIT_ID.in(
                org.jooq.impl.DSL.select(UNITS_DIRECTORY.ID).from(UNITS_DIRECTORY).where(Jurisdiction.over(caller, UNITS_DIRECTORY.PATH)));
    }

    /** One circular for a change: "not found" unless the caller governs the office it belongs to. */
    private Circular governedOne(long id, Caller caller) {
        if (!db.fetchExists(CIRCULAR, CIRCULAR.ID.eq(id).and(governed(caller)))) {
            throw new CircularNotFound(id);
        }
        return get(id, caller);
    }

    private static void check(CircularPeriod period) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (period == null || period.from() == null) {
            errors.put("from", "supervision.circular.fromRequired");
        }
        if (period == null || period.to() == null) {
            errors.put("to", "supervision.circular.toRequired");
        }
        if (errors.isEmpty() && period.to().isBefore(period.from())) {
            errors.put("to", "supervision.circular.toBeforeFrom");
        } else if (errors.isEmpty() && period.days() > CircularPeriod.MAX_DAYS) {
            errors.put("to", "supervision.circular.periodTooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
    }

    private static void require(Map<String, String> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.put(field, "supervision.circular.required");
        }
    }

    private static void refuseIfPublished(Circular c) {
        if (c.isPublished()) {
            throw new ConflictException("supervision.circular.alreadyPublished", c.number());
        }
    }

    private ConflictException stale(Circular now) {
        if (now.isPublished()) {
            return new ConflictException("supervision.circular.alreadyPublished", now.number());
        }
        return new ConflictException("supervision.circular.stale", now.updatedBy(),
                now.updatedAt().atZoneSameInstant(clock.getZone())
                        .toLocalDateTime().withNano(0).toString().replace('T', ' '));
    }

    private static Circular toCircular(Record r) {
        return new Circular(r.get(CIRCULAR.ID), r.get(CIRCULAR.PLAN_ID),
                new CircularPeriod(r.get(CIRCULAR.PERIOD_FROM), r.get(CIRCULAR.PERIOD_TO)),
                CircularStatus.valueOf(r.get(CIRCULAR.STATUS)), r.get(CIRCULAR.NUMBER), r.get(CIRCULAR.TITLE),
                r.get(CIRCULAR.ADDRESSEES), r.get(CIRCULAR.BODY), r.get(CIRCULAR.ISSUER_UNIT),
                JSON.readValue(r.get(CIRCULAR.FACTS).data(), CircularFacts.class), r.get(CIRCULAR.VERSION),
                r.get(CIRCULAR.CREATED_BY), r.get(CIRCULAR.CREATED_AT), r.get(CIRCULAR.UPDATED_BY), r.get(CIRCULAR.UPDATED_AT),
                r.get(CIRCULAR.PUBLISHED_BY), r.get(CIRCULAR.PUBLISHED_AT));
    }
}
