package org.rectify.intake.internal;

import org.rectify.access.Caller;
import org.rectify.intake.DraftChanged;
import org.rectify.intake.DraftChanged.Change;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.PlanIntake;
import org.rectify.intake.PublishedPlan;
import org.rectify.intake.parser.MentionResolver;
import org.rectify.intake.parser.ResolutionRule;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitResolver;
import org.rectify.plans.PlanSummary;
import org.rectify.plans.Plans;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The review of a plan before it enters the ledger: a text, a Word document or a task breakdown becomes a
 * stored draft; the office corrects its tasks one at a time (each save names the version it started from, so
 * two reviewers cannot silently overwrite each other), resolves every unit mention the unit tree does not
 * know (by choosing a unit or group, or by adding the mention as a unit's alias), and publishes. Only the
 * office and administrators take part; a draft belongs to the office of the unit that took it in and is seen
 * by offices at or above that unit.
 * <p>
 * This service checks who asks, orchestrates and announces ({@link DraftChanged}); the rules are
 * {@link DraftRules} and {@link PublishCheck}, the rows {@link DraftStore}, the parsing {@link DraftSources}.
 */
@Service
@Transactional
class DraftReview {

    private static final int RECENT = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DraftStore store;
    private final DraftSources sources;
    private final PlanIntake intake;
    private final Units units;
    private final UnitAdministration unitAdministration;
    private final Plans plans;
    private final Messages messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DraftReview(DraftStore store, DraftSources sources, PlanIntake intake, Units units,
                UnitAdministration unitAdministration, Plans plans, Messages messages, Clock clock,
                ApplicationEventPublisher events) {
        this.store = store;
        this.sources = sources;
        this.intake = intake;
        this.units = units;
        this.unitAdministration = unitAdministration;
        this.plans = plans;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
    }

    // ---- taking a plan in

    @Transactional(readOnly = true)
    public ParsedSource parse(PlanUpload upload, Caller caller) {
        requireOffice(caller);
        return sources.parse(upload);
    }

    @Transactional(readOnly = true)
    public ParsedSource parseText(String text, Caller caller) {
        requireOffice(caller);
        return sources.parseText(text);
    }

    /** Stores the draft; answers it as stored (what {@link #get} would read back). */
    public StoredDraft create(ParsedSource parsed, PlanHeader header, Caller caller) {
        requireOffice(caller);
        PlanHeader h = header == null ? new PlanHeader(null, null, null, null, null, null) : DraftRules.tidy(header);
        ParsedSource dated = sources.dated(parsed, h);
        StoredDraft draft = store.insert(new DraftStore.NewDraft(dated.kind(), dated.name(), dated.sourceText(),
                dated.title(), h, dated.planWarnings(), dated.cards()), caller.unitId(), caller.signature(), clock.instant());
        events.publishEvent(new DraftChanged(caller.signature(), Change.CREATED, draft.id(), null));
        return draft;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public StoredDraft get(long id, Caller caller) {
        requireOffice(caller);
        return store.find(id, scopePath(caller)).orElseThrow(() -> new DraftNotFound(id));
    }

    @Transactional(readOnly = true)
    public List<DraftStore.DraftSummary> recent(Caller caller) {
        requireOffice(caller);
        return store.recent(scopePath(caller), RECENT);
    }

    /** The plan a publish would add to (the one of the same title), if there is one. */
    @Transactional(readOnly = true)
    public Optional<PlanSummary> samePlan(StoredDraft draft) {
        String title = draft.planTitle();
        return title == null ? Optional.empty() : plans.findByTitle(title).flatMap(plans::find);
    }

    // ---- reviewing

    /**
     * Saves one task if nobody saved it since {@code expectedVersion}; otherwise refuses (409) naming who saved
     * it when, and changes nothing.
     */
    public StoredCard saveCard(long draftId, long cardId, int expectedVersion, DraftCard edited, Caller caller) {
        StoredDraft draft = get(draftId, caller);
        StoredCard current = draft.card(cardId).orElseThrow(() -> new DraftNotFound(draftId));
        DraftCard card = DraftRules.keepingChosenUnits(DraftRules.normalised(edited), current.card());
        Map<String, String> errors = DraftRules.problems(card, draft, cardId);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        if (current.version() != expectedVersion
                || !store.updateCard(draftId, cardId, expectedVersion, card, caller.signature(), clock.instant())) {
            throw staleCard(draftId, cardId, current);
        }
        events.publishEvent(new DraftChanged(caller.signature(), Change.TASK_EDITED, draftId, cardId));
        return get(draftId, caller).card(cardId).orElseThrow();
    }

    /** A task's new content, at the version the change was made from. */
    record CardChange(long id, int version, DraftCard card) {
    }

    /**
     * Changes the header (when given, at the draft's {@code version}) and the tasks (each at its own version), all
     * or nothing.
     */
    public StoredDraft update(long draftId, Integer version, PlanHeader header, List<CardChange> changes, Caller caller) {
        get(draftId, caller);
        if (header != null) {
            if (version == null) {
                throw new IntakeRejected(Map.of("version", "intake.api.versionRequired"), "intake.api.versionRequired");
            }
            saveHeader(draftId, version, header, caller);
        }
        for (CardChange c : changes) {
            saveCard(draftId, c.id(), c.version(), c.card(), caller);
        }
        return get(draftId, caller);
    }

    public void deleteCard(long draftId, long cardId, int expectedVersion, Caller caller) {
        StoredDraft draft = get(draftId, caller);
        StoredCard current = draft.card(cardId).orElseThrow(() -> new DraftNotFound(draftId));
        if (!store.deleteCard(draftId, cardId, expectedVersion, caller.signature(), clock.instant())) {
            throw staleCard(draftId, cardId, current);
        }
        events.publishEvent(new DraftChanged(caller.signature(), Change.TASK_DELETED, draftId, cardId));
    }

    public StoredDraft saveHeader(long draftId, int expectedVersion, PlanHeader header, Caller caller) {
        StoredDraft draft = get(draftId, caller);
        if (draft.version() != expectedVersion || !store.updateHeader(draftId, expectedVersion, DraftRules.tidy(header),
                caller.signature(), clock.instant())) {
            throw new DraftConflict("intake.draftEditedConcurrently", draft.updatedBy(), time(draft.updatedAt()));
        }
        events.publishEvent(new DraftChanged(caller.signature(), Change.HEADER_EDITED, draftId, null));
        return get(draftId, caller);
    }

    /**
     * Resolves every occurrence of an unresolved mention in the draft to the unit or group named
     * {@code target} (by its name, an alias or a group name).
     *
     * @return how many occurrences were resolved
     */
    public int choose(long draftId, String mention, String target, Caller caller) {
        return choose(draftId, mention, target(target), caller);
    }

    /** {@link #choose(long, String, String, Caller)} for a unit or group picked by id (the unit picker). */
    public int choose(long draftId, String mention, UnitReference ref, Caller caller) {
        StoredDraft draft = get(draftId, caller);
        return resolve(draft, m -> m.unitId() == null && m.name().equals(mention)
                ? new UnitMention(m.name(), ref instanceof UnitReference.OfGroup, ref.id(), ref.name(), ResolutionRule.CHOSEN)
                : m, caller);
    }

    /**
     * Adds the mention as an alias of the unit named {@code target}, so that it resolves in every plan from
     * now on, then resolves what it can in this draft.
     *
     * @return how many occurrences were resolved
     */
    public int addAlias(long draftId, String mention, String target, Caller caller) {
        return addAlias(draftId, mention, target(target), caller);
    }

    /** {@link #addAlias(long, String, String, Caller)} for a unit picked by id (the unit picker). */
    public int addAlias(long draftId, String mention, UnitReference ref, Caller caller) {
        StoredDraft draft = get(draftId, caller);
        if (!(ref instanceof UnitReference.OfUnit)) {
            throw new InvalidInputException(Map.of("target", "intake.resolve.aliasOfGroup"), "intake.resolve.aliasOfGroup",
                    ref.name());
        }
        if (mention == null || mention.isBlank()) {
            throw new InvalidInputException(Map.of("mention", "intake.resolve.mentionRequired"),
                    "intake.resolve.mentionRequired");
        }
        unitAdministration.addAlias(ref.id(), mention.strip());
        return recheck(draft, caller);
    }

    /** Looks every unresolved mention up again (the unit tree may have changed since the draft was made). */
    public int recheck(long draftId, Caller caller) {
        return recheck(get(draftId, caller), caller);
    }

    private int recheck(StoredDraft draft, Caller caller) {
        UnitResolver tree = intake.unitTree();
        MentionResolver.prefetch(draft.cards().stream()
                .flatMap(c -> Stream.concat(c.card().leadUnits().stream(), c.card().supportingUnits().stream()))
                .filter(m -> m.unitId() == null).map(UnitMention::name).toList(), tree);
        return resolve(draft, m -> m.unitId() != null ? m : MentionResolver.resolve(m, tree).orElse(m), caller);
    }

    /** Rewrites the mentions of every task; saves (at its version) each task where one got resolved. */
    private int resolve(StoredDraft draft, UnaryOperator<UnitMention> change, Caller caller) {
        int resolved = 0;
        for (StoredCard c : draft.cards()) {
            DraftRules.Resolved r = DraftRules.resolve(c.card(), change);
            if (r.count() > 0) {
                if (!store.updateCard(draft.id(), c.id(), c.version(), r.card(), caller.signature(), clock.instant())) {
                    throw staleCard(draft.id(), c.id(), c);
                }
                resolved += r.count();
            }
        }
        if (resolved > 0) {
            events.publishEvent(new DraftChanged(caller.signature(), Change.UNITS_RESOLVED, draft.id(), null));
        }
        return resolved;
    }

    /**
     * What the unit picker chose: a unit or a group by id, else (the API, a page without script) a name; a clear
     * error when nothing or an unknown id was chosen.
     */
    public UnitReference target(Long unitId, Long groupId, String name) {
        if (unitId != null && groupId != null) {
            throw new InvalidInputException(Map.of("target", "intake.resolve.oneTarget"), "intake.resolve.oneTarget");
        }
        if (unitId != null) {
            return units.find(unitId).filter(org.rectify.units.Unit::isCurrent)
                    .<UnitReference>map(u -> new UnitReference.OfUnit(u.id(), u.name()))
                    .orElseThrow(() -> new InvalidInputException(Map.of("target", "intake.resolve.noSuchUnit"),
                            "intake.resolve.unknownChoice"));
        }
        if (groupId != null) {
            return units.groups().stream().filter(g -> g.id() == groupId).findFirst()
                    .<UnitReference>map(g -> new UnitReference.OfGroup(g.id(), g.name()))
                    .orElseThrow(() -> new InvalidInputException(Map.of("target", "intake.resolve.noSuchUnit"),
                            "intake.resolve.unknownChoice"));
        }
        return target(name);
    }

    private UnitReference target(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException(Map.of("target", "intake.resolve.targetRequired"), "intake.resolve.targetRequired");
        }
        return units.resolve(target.strip()).orElseThrow(() -> new InvalidInputException(
                Map.of("target", "intake.resolve.noSuchUnit"), "intake.resolve.noSuchUnit", target.strip()));
    }

    public void delete(long draftId, Caller caller) {
        get(draftId, caller);
        store.delete(draftId);
        events.publishEvent(new DraftChanged(caller.signature(), Change.DELETED, draftId, null));
    }

    // ---- publishing

    /**
     * Publishes the draft: the plan (found by its title, or created) gets every task of the draft it does not
     * have yet, as DRAFT or ASSIGNED. Refused, with what to fix, while a unit is unresolved or a task is
     * incomplete ({@link PublishCheck}); publishing again adds nothing that is already there.
     */
    public PublishedPlan publish(long draftId, boolean assign, Caller caller) {
        get(draftId, caller);
        store.lock(draftId);
        StoredDraft draft = get(draftId, caller);
        PublishCheck.require(draft, assign, messages::text);
        String title = draft.planTitle();
        store.lockTitle(title);
        Optional<Long> existing = plans.findByTitle(title);
        if (existing.isPresent() && !caller.scope().isAll() && !plans.isRunFrom(existing.get(), caller.scope().unitPath())) {
            throw new DraftConflict("intake.publish.planOfOthers", title);
        }
        PublishedPlan published = intake.publish(draft.toDraftPlan(),
                draft.cards().stream().map(c -> c.card().details()).toList(), draft.effectiveHeader(), assign, caller);
        store.markPublished(draftId, published.planId(), caller.signature(), clock.instant());
        return published;
    }

    // ---- refusals

    private DraftConflict staleCard(long draftId, long cardId, StoredCard before) {
        StoredCard now = store.find(draftId, null).flatMap(d -> d.card(cardId)).orElse(null);
        if (now == null) {
            return new DraftConflict("intake.cardDeleted", before.card().ref());
        }
        return new DraftConflict("intake.cardEditedConcurrently", now.updatedBy(), time(now.updatedAt()), now.card().ref());
    }

    private String time(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(clock.getZone()).format(TIME);
    }

    private static void requireOffice(Caller caller) {
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("intake.forbidden");
        }
    }

    private static String scopePath(Caller caller) {
        return caller.scope().isAll() ? null : caller.scope().unitPath();
    }
}
