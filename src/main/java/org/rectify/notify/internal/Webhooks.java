package org.rectify.notify.internal;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.notify.WebhookChanged;
import org.rectify.platform.InvalidInputException;
import org.rectify.access.Caller;
import org.rectify.access.Jurisdiction;
import org.rectify.platform.NotFoundException;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.rectify.notify.internal.db.Tables.OUTBOUND_MESSAGE;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;
import static org.rectify.notify.internal.db.Tables.WEBHOOK;

/** The webhooks the office configured: kept, validated, and chosen by unit scope for a message. */
@Service
@Transactional
public class Webhooks {

    private final DSLContext db;
    private final Units units;
    private final WebhookAllowList allowList;
    private final ApplicationEventPublisher events;

    Webhooks(DSLContext db, Units units, WebhookAllowList allowList, ApplicationEventPublisher events) {
        this.db = db;
        this.units = units;
        this.allowList = allowList;
        this.events = events;
    }

    /**
     * The webhooks of the units the caller governs, with their last delivery, by name. An all-units webhook
     * (no unit) belongs to the administrators.
     */
    @Transactional(readOnly = true)
    public List<Webhook> all(Caller caller) {
        return rows(Jurisdiction.over(caller, UNITS_DIRECTORY.PATH));
    }

    /** One webhook of a unit the caller governs; "not found" otherwise. */
    @Transactional(readOnly = true)
    public Webhook get(long id, Caller caller) {
        return rows(WEBHOOK.ID.eq(id).and(Jurisdiction.over(caller, UNITS_DIRECTORY.PATH))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("webhook.notFound", id));
    }

    private List<Webhook> rows(org.jooq.Condition where) {
        var last = OUTBOUND_MESSAGE.as("last");
        var lastId = select(org.jooq.impl.DSL.max(last.ID)).from(last).where(last.WEBHOOK_ID.eq(WEBHOOK.ID)).asField();
        return db.select(WEBHOOK.asterisk(), UNITS_DIRECTORY.NAME, OUTBOUND_MESSAGE.STATUS, OUTBOUND_MESSAGE.LAST_ERROR,
                        org.jooq.impl.DSL.coalesce(OUTBOUND_MESSAGE.SENT_AT, OUTBOUND_MESSAGE.CREATED_AT).as("last_at"))
                .from(WEBHOOK)
                .leftJoin(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(WEBHOOK.UNIT_ID))
                .leftJoin(OUTBOUND_MESSAGE).on(OUTBOUND_MESSAGE.ID.eq(lastId.coerce(Long.class)))
                .where(where)
                .orderBy(WEBHOOK.NAME, WEBHOOK.ID)
                .fetch(this::view);
    }

    /** Whether there is such a webhook, whoever's (for the sender and the test button, after the scope check). */
    @Transactional(readOnly = true)
    boolean exists(long id) {
        return db.fetchExists(WEBHOOK, WEBHOOK.ID.eq(id));
    }

    /** Adds a webhook for a unit the caller governs; without a unit, the caller's own (all units: administrators). */
    public long create(WebhookForm form, Caller caller) {
        Long unitId = unitFor(form, caller);
        Valid v = validate(form, null);
        long id = db.insertInto(WEBHOOK).set(WEBHOOK.NAME, v.name).set(WEBHOOK.FORMAT, v.format.name())
                .set(WEBHOOK.URL, v.url).set(WEBHOOK.SECRET, blankToNull(form.secret()))
                .set(WEBHOOK.UNIT_ID, unitId).set(WEBHOOK.ENABLED, form.enabled() == null || form.enabled())
                .returning(WEBHOOK.ID).fetchOne(WEBHOOK.ID);
        recorded("webhook.created", id);
        return id;
    }

    /**
     * Changes a webhook of a unit the caller governs. A blank secret keeps the stored one (the form never shows
     * it); so does a blank URL or the URL as listed (its token masked).
     */
    public void update(long id, WebhookForm form, Caller caller) {
        get(id, caller);
        Long unitId = unitFor(form, caller);
        String stored = db.select(WEBHOOK.URL).from(WEBHOOK).where(WEBHOOK.ID.eq(id)).fetchOne(WEBHOOK.URL);
        Valid v = validate(form, stored);
        var update = db.update(WEBHOOK).set(WEBHOOK.NAME, v.name).set(WEBHOOK.FORMAT, v.format.name())
                .set(WEBHOOK.URL, v.url).set(WEBHOOK.UNIT_ID, unitId);
        if (form.enabled() != null) {
            update = update.set(WEBHOOK.ENABLED, form.enabled());
        }
        if (Boolean.TRUE.equals(form.removeSecret())) {
            update = update.set(WEBHOOK.SECRET, (String) null);
        } else if (blankToNull(form.secret()) != null) {
            update = update.set(WEBHOOK.SECRET, form.secret().strip());
        }
        update.where(WEBHOOK.ID.eq(id)).execute();
        recorded("webhook.edited", id);
    }

    public void setEnabled(long id, boolean enabled, Caller caller) {
        get(id, caller);
        if (db.update(WEBHOOK).set(WEBHOOK.ENABLED, enabled).where(WEBHOOK.ID.eq(id)).execute() == 0) {
            throw new NotFoundException("webhook.notFound", id);
        }
        recorded(enabled ? "webhook.enabled" : "webhook.disabled", id);
    }

    /** Removes a webhook of a unit the caller governs, and its queue (its delivery log goes with it). */
    public void delete(long id, Caller caller) {
        get(id, caller);
        if (db.deleteFrom(WEBHOOK).where(WEBHOOK.ID.eq(id)).execute() == 0) {
            throw new NotFoundException("webhook.notFound", id);
        }
        recorded("webhook.deleted", id);
    }

    /** A test message was queued for this webhook (and is tried at once). */
    void testQueued(long id) {
        recorded("webhook.test-sent", id);
    }

    private void recorded(String action, long id) {
        events.publishEvent(new WebhookChanged(WebhookAllowList.actor(), action, "webhook:" + id));
    }

    /** The enabled webhooks whose scope (all units, or a unit's subtree) covers at least one of these units. */
    @Transactional(readOnly = true)
    List<Long> covering(Collection<Long> unitIds) {
        List<String> paths = unitIds.stream().map(units::find).flatMap(Optional::stream).map(Unit::path).toList();
        return covering(paths, scopes());
    }

    /** {@link #covering} of each of these sets of units, the webhooks and the units' paths read once for all. */
    @Transactional(readOnly = true)
    List<List<Long>> coveringEach(List<? extends Collection<Long>> unitSets) {
        Map<Long, String> paths = units.paths(unitSets.stream().flatMap(Collection::stream).distinct().toList());
        Map<Long, String> scopes = scopes();
        return unitSets.stream().map(set -> covering(set.stream().map(paths::get).filter(Objects::nonNull)
                .toList(), scopes)).toList();
    }

    /** The enabled webhooks' scopes by id: a unit's path, or null for all units. */
    private Map<Long, String> scopes() {
        Map<Long, String> scopes = new LinkedHashMap<>();
        db.select(WEBHOOK.ID, UNITS_DIRECTORY.PATH).from(WEBHOOK).leftJoin(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(WEBHOOK.UNIT_ID))
                .where(WEBHOOK.ENABLED.isTrue()).orderBy(WEBHOOK.ID)
                .forEach(r -> scopes.put(r.value1(), r.value2()));
        return scopes;
    }

    private static List<Long> covering(List<String> paths, Map<Long, String> scopes) {
        return scopes.entrySet().stream()
                .filter(e -> e.getValue() == null ? !paths.isEmpty() : paths.stream().anyMatch(p -> p.startsWith(e.getValue())))
                .map(Map.Entry::getKey).toList();
    }

    /** Where and how to post, read when sending (the office may have changed it since the message was queued). */
    @Transactional(readOnly = true)
    Optional<Target> target(long id) {
        return db.selectFrom(WEBHOOK).where(WEBHOOK.ID.eq(id)).fetchOptional(r ->
                new Target(r.getId(), WebhookFormat.valueOf(r.getFormat()), r.getUrl(), r.getSecret(), r.getEnabled()));
    }

    private Webhook view(Record r) {
        return new Webhook(r.get(WEBHOOK.ID), r.get(WEBHOOK.NAME), WebhookFormat.valueOf(r.get(WEBHOOK.FORMAT)),
                WebhookUrls.masked(r.get(WEBHOOK.URL)), r.get(WEBHOOK.SECRET) != null, r.get(WEBHOOK.UNIT_ID), r.get(UNITS_DIRECTORY.NAME),
                r.get(WEBHOOK.ENABLED), r.get(OUTBOUND_MESSAGE.STATUS), r.get(OUTBOUND_MESSAGE.LAST_ERROR),
                r.get(field("last_at", java.time.OffsetDateTime.class)));
    }

    /** The unit a webhook is for: one the caller governs; none given means the caller's own unit (administrators: all). */
    private Long unitFor(WebhookForm form, Caller caller) {
        if (form.unitId() == null) {
            return caller.scope().isAll() ? null : caller.unitId();
        }
        var unit = units.find(form.unitId());
        if (unit.isEmpty()) {
            throw new InvalidInputException(Map.of("unitId", "webhook.unitInvalid"), "error.invalid");
        }
        if (!caller.governs(unit.get().path())) { // another office's unit: as if there were none
            throw new org.rectify.units.UnitNotFound(form.unitId());
        }
        return form.unitId();
    }

    private Valid validate(WebhookForm form, String storedUrl) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = blankToNull(form.name());
        if (name == null) {
            errors.put("name", "webhook.nameRequired");
        }
        if (form.format() == null) {
            errors.put("format", "webhook.formatRequired");
        }
        String url = WebhookUrls.keepStored(blankToNull(form.url()), storedUrl);
        // the shape of the URL and, if its name resolves now, every address: checked again at each send
        allowList.current().check(url, WebhookTargets.SYSTEM).ifPresent(refusal -> errors.put("url", refusal.messageKey));
        if (form.unitId() != null && units.find(form.unitId()).isEmpty()) {
            errors.put("unitId", "webhook.unitInvalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        return new Valid(name, form.format(), url);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Valid(String name, WebhookFormat format, String url) {
    }

    /** A webhook as the sender needs it, secret included. */
    record Target(long id, WebhookFormat format, String url, String secret, boolean enabled) {
    }
}
