package org.rectify.intake.internal;

import org.rectify.access.Caller;
import org.rectify.intake.DraftChanged;
import org.rectify.intake.DraftChanged.Change;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.PlanIntake;
import org.rectify.intake.PublishedPlan;
import org.rectify.intake.UnresolvedMentions;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.DraftTask;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.ParseWarning;
import org.rectify.intake.parser.PlanDates;
import org.rectify.intake.parser.MentionResolver;
import org.rectify.intake.parser.ResolutionRule;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitResolver;
import org.rectify.intake.parser.UnresolvedMention;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The review of a plan before it enters the ledger: a text, a Word document or a task breakdown becomes a
 * stored draft; the office corrects its tasks one at a time (each save names the version it started from, so
 * two reviewers cannot silently overwrite each other), resolves every unit mention the unit tree does not
 * know (by choosing a unit or group, or by adding the mention as a unit's alias), and publishes. Only the
 * office and administrators take part; a draft belongs to the office of the unit that took it in and is seen
 * by offices at or above that unit.
 */
@Service
@Transactional
class DraftReview {

    static final Set<String> COMPARATORS = Set.of(">=", "<=", "=");
    static final Set<String> PERIODS = Set.of("week", "month", "quarter", "year");
    private static final int RECENT = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DraftStore store;
    private final PlanIntake intake;
    private final Units units;
    private final UnitAdministration unitAdministration;
    private final Plans plans;
    private final Messages messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DraftReview(DraftStore store, PlanIntake intake, Units units, UnitAdministration unitAdministration, Plans plans,
                Messages messages, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.intake = intake;
        this.units = units;
        this.unitAdministration = unitAdministration;
        this.plans = plans;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a source makes, before it is stored. */
    record Parsed(SourceKind kind, String name, String sourceText, String title, List<DraftCard> cards,
                  List<ParseWarning> planWarnings) {

        /** The output contract: the parser's draft, units resolved against the unit tree. */
        DraftPlan toDraftPlan() {
            List<UnresolvedMention> unresolved = new ArrayList<>();
            List<ParseWarning> warnings = new ArrayList<>(planWarnings);
            for (DraftCard c : cards) {
                c.unresolved().forEach(m -> unresolved.add(new UnresolvedMention(c.ref(), m)));
                c.warnings().forEach(w -> warnings.add(new ParseWarning(c.ref(), w)));
            }
            return new DraftPlan(title, cards.stream().map(DraftCard::toDraftTask).toList(), unresolved, warnings);
        }
    }

    // ---- taking a plan in

    @Transactional(readOnly = true)
    public Parsed parse(PlanUpload upload, Caller caller) {
        requireOffice(caller);
        if (upload.kind() == SourceKind.XLSX) {
            BreakdownImport.Result r = BreakdownImport.read(upload.bytes(), upload.name(), intake.unitTree());
            return new Parsed(SourceKind.XLSX, upload.name(), r.sourceText(), r.title(), r.cards(), List.of());
        }
        return parsed(upload.kind(), upload.name(), upload.text());
    }

    @Transactional(readOnly = true)
    public Parsed parseText(String text, Caller caller) {
        requireOffice(caller);
        if (text == null) {
            throw new IntakeRejected("intake.upload.nothing");
        }
        return parsed(SourceKind.TEXT, null, PlanUpload.checkedText(text));
    }

    private Parsed parsed(SourceKind kind, String name, String text) {
        return parsed(kind, name, text, PlanDates.NONE);
    }

    private Parsed parsed(SourceKind kind, String name, String text, PlanDates dates) {
        DraftPlan plan = intake.parse(text, dates);
        Map<String, List<String>> byRef = new HashMap<>();
        List<ParseWarning> planWarnings = new ArrayList<>();
        Set<String> refs = new java.util.HashSet<>();
        plan.tasks().forEach(t -> refs.add(t.ref()));
        for (ParseWarning w : plan.warnings()) {
            if (w.ref() != null && refs.contains(w.ref())) {
                byRef.computeIfAbsent(w.ref(), k -> new ArrayList<>()).add(w.message());
            } else {
                planWarnings.add(w);
            }
        }
        List<DraftCard> cards = new ArrayList<>();
        for (DraftTask t : plan.tasks()) {
            cards.add(DraftCard.of(t, byRef.getOrDefault(t.ref(), List.of())));
        }
        return new Parsed(kind, name, text, plan.title(), cards, planWarnings);
    }

    public long create(Parsed parsed, PlanHeader header, Caller caller) {
        requireOffice(caller);
        PlanHeader h = header == null ? new PlanHeader(null, null, null, null, null, null) : tidy(header);
        if (parsed.kind() != SourceKind.XLSX && (h.feedbackDate() != null || h.issuedOn() != null)) {
            // 年底前, 反馈后3个月内: dated by the office's own header, not only by what the preamble says
            parsed = parsed(parsed.kind(), parsed.name(), parsed.sourceText(),
                    new PlanDates(h.feedbackDate(), h.issuedOn()));
        }
        long id = store.insert(new DraftStore.NewDraft(parsed.kind(), parsed.name(), parsed.sourceText(), parsed.title(),
                h, parsed.planWarnings(), parsed.cards()), caller.unitId(), caller.signature(), clock.instant());
        events.publishEvent(new DraftChanged(caller.signature(), Change.CREATED, id, null));
        return id;
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

    /** Unit names as the review screen takes them, read by the parser's rules and resolved. */
    @Transactional(readOnly = true)
    public List<UnitMention> units(String written) {
        return BreakdownImport.resolve(written == null ? "" : written, intake.unitTree());
    }

    /** Units as the API gives them: by id (checked), else by name (resolved if the tree knows it). */
    @Transactional(readOnly = true)
    public List<UnitMention> units(List<UnitMention> given) {
        List<UnitMention> out = new ArrayList<>();
        UnitResolver tree = intake.unitTree();
        for (UnitMention m : given == null ? List.<UnitMention>of() : given) {
            if (m == null) {
                continue;
            }
            if (m.unitId() != null) {
                String name = m.group() ? units.groups().stream().filter(g -> g.id() == m.unitId()).findFirst()
                        .map(g -> g.name()).orElse(null) : units.find(m.unitId()).map(u -> u.name()).orElse(null);
                if (name == null) {
                    throw new InvalidInputException(Map.of("units", "intake.card.unknownUnitId"),
                            "intake.card.unknownUnitId", m.unitId());
                }
                out.add(new UnitMention(name, m.group(), m.unitId()));
            } else if (m.name() != null && !m.name().isBlank()) {
                UnitMention written = new UnitMention(m.name().strip(), m.group(), null);
                out.add(MentionResolver.resolve(written, tree).orElse(written));
            }
        }
        return out;
    }

    // ---- reviewing

    /**
     * Saves one task if nobody saved it since {@code expectedVersion}; otherwise refuses (409) naming who saved
     * it when, and changes nothing.
     */
    public StoredCard saveCard(long draftId, long cardId, int expectedVersion, DraftCard edited, Caller caller) {
        StoredDraft draft = get(draftId, caller);
        StoredCard current = draft.card(cardId).orElseThrow(() -> new DraftNotFound(draftId));
        DraftCard card = keepingChosenUnits(normalised(edited), current.card());
        check(card, draft, cardId);
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
        if (draft.version() != expectedVersion
                || !store.updateHeader(draftId, expectedVersion, tidy(header), caller.signature(), clock.instant())) {
            throw new DraftConflict("intake.draftEditedConcurrently", draft.updatedBy(), time(draft.updatedAt()));
        }
        events.publishEvent(new DraftChanged(caller.signature(), Change.HEADER_EDITED, draftId, null));
        return get(draftId, caller);
    }

    /**
     * A name the reviewer resolved by hand (mentions keep the plan's words) stays resolved when its card is saved
     * again with the same words.
     */
    private static DraftCard keepingChosenUnits(DraftCard card, DraftCard before) {
        Map<String, UnitMention> resolved = new HashMap<>();
        for (UnitMention m : before.allUnits()) {
            if (m.unitId() != null) {
                resolved.putIfAbsent(m.name(), m);
            }
        }
        return card.withUnits(m -> m.unitId() == null ? resolved.getOrDefault(m.name(), m) : m);
    }

    /**
     * Resolves every occurrence of an unresolved mention in the draft to the unit or group named
     * {@code target} (by its name, an alias or a group name).
     *
     * @return how many occurrences were resolved
     */
    public int choose(long draftId, String mention, String target, Caller caller) {
        StoredDraft draft = get(draftId, caller);
        UnitReference ref = target(target);
        return rewrite(draft, m -> m.unitId() == null && m.name().equals(mention)
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
        StoredDraft draft = get(draftId, caller);
        UnitReference ref = target(target);
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
        return rewrite(draft, m -> {
            if (m.unitId() != null) {
                return m;
            }
            return MentionResolver.resolve(m, tree).orElse(m);
        }, caller);
    }

    private int rewrite(StoredDraft draft, java.util.function.UnaryOperator<UnitMention> change, Caller caller) {
        int resolved = 0;
        for (StoredCard c : draft.cards()) {
            int[] count = {0};
            DraftCard changed = c.card().withUnits(m -> {
                UnitMention n = change.apply(m);
                if (m.unitId() == null && n.unitId() != null) {
                    count[0]++;
                }
                return n;
            });
            if (count[0] > 0) {
                if (!store.updateCard(draft.id(), c.id(), c.version(), dedupe(changed), caller.signature(), clock.instant())) {
                    throw staleCard(draft.id(), c.id(), c);
                }
                resolved += count[0];
            }
        }
        if (resolved > 0) {
            events.publishEvent(new DraftChanged(caller.signature(), Change.UNITS_RESOLVED, draft.id(), null));
        }
        return resolved;
    }

    /** Two mentions resolved to the same unit are one unit. */
    private static DraftCard dedupe(DraftCard card) {
        return new DraftCard(card.ref(), card.title(), card.text(), card.measures(), card.finding(), card.responsible(),
                distinct(card.leadUnits()), distinct(card.supportingUnits()), card.deadlines(), card.ongoing(),
                card.immediate(), card.indicators(), card.obligations(), card.leaders(), card.warnings(),
                card.sourceStart(), card.sourceEnd(), card.row());
    }

    private static List<UnitMention> distinct(List<UnitMention> units) {
        Map<String, UnitMention> out = new LinkedHashMap<>();
        units.forEach(u -> out.putIfAbsent(u.unitId() == null ? "?" + u.name() : (u.group() ? "g" : "u") + u.unitId(), u));
        return List.copyOf(out.values());
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
     * incomplete; publishing again adds nothing that is already there.
     */
    public PublishedPlan publish(long draftId, boolean assign, Caller caller) {
        get(draftId, caller);
        store.lock(draftId);
        StoredDraft draft = get(draftId, caller);
        if (draft.cards().isEmpty()) {
            throw new IntakeRejected("intake.publish.noTasks");
        }
        List<UnresolvedMention> unresolved = draft.unresolved();
        if (!unresolved.isEmpty()) {
            List<String> list = unresolved.stream().map(u -> (u.ref().isEmpty() ? "?" : u.ref()) + "：" + u.mention()).toList();
            throw new UnresolvedMentions(String.join("；", list));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> refs = new HashMap<>();
        for (StoredCard c : draft.cards()) {
            DraftCard card = c.card();
            String ref = card.ref().isBlank() ? messages.text("intake.card.noRef", c.position() + 1) : card.ref();
            if (card.ref().isBlank()) {
                problems.add(ref + "：" + messages.text("intake.card.refRequired"));
            } else if (refs.merge(card.ref(), 1, Integer::sum) == 2) {
                problems.add(ref + "：" + messages.text("intake.card.refRepeated"));
            }
            if (card.text() == null || card.text().isBlank()) {
                problems.add(ref + "：" + messages.text("intake.card.textRequired"));
            }
            if (assign && card.leadUnits().isEmpty()) {
                problems.add(ref + "：" + messages.text("intake.card.leadRequired"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IntakeRejected("intake.publish.problems", problems.size(), String.join("；", problems));
        }
        String title = draft.planTitle();
        if (title == null || title.isBlank()) {
            throw new IntakeRejected(Map.of("planTitle", "intake.publish.titleRequired"), "intake.publish.titleRequired");
        }
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

    // ---- rules

    /** Fills in what a save may leave out: a deadline's wording, trimmed texts. */
    private static DraftCard normalised(DraftCard c) {
        List<Deadline> deadlines = c.deadlines().stream()
                .map(d -> d.deliverable() == null && (d.phrase() == null || d.phrase().isBlank()) && d.date() != null
                        ? new Deadline(d.date(), ChineseDates.due(d.date()), null, d.ambiguous()) : d)
                .toList();
        return new DraftCard(strip(c.ref()), blankToNull(c.title()), strip(c.text()), blankToNull(c.measures()),
                c.finding(), blankToNull(c.responsible()), distinct(c.leadUnits()), distinct(c.supportingUnits()),
                deadlines, c.ongoing(), c.immediate(), c.indicators(), c.obligations(), c.leaders(), c.warnings(),
                c.sourceStart(), c.sourceEnd(), c.row());
    }

    /** What a task must have to be saved, each broken rule at its field. */
    static void check(DraftCard c, StoredDraft draft, long cardId) {
        Map<String, String> errors = problems(c, draft, cardId);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
    }

    /** The broken rules of a task, field → bundle key. */
    static Map<String, String> problems(DraftCard c, StoredDraft draft, long cardId) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.ref().isBlank()) {
            errors.put("ref", "intake.card.refRequired");
        } else if (c.ref().length() > BreakdownImport.MAX_REF) {
            errors.put("ref", "intake.card.refTooLong");
        } else if (draft.cards().stream().anyMatch(o -> o.id() != cardId && o.card().ref().equals(c.ref()))) {
            errors.put("ref", "intake.card.refRepeated");
        }
        if (c.title() != null && c.title().length() > 200) {
            errors.put("title", "intake.card.titleTooLong");
        }
        if (c.text() == null || c.text().isBlank()) {
            errors.put("text", "intake.card.textRequired");
        }
        for (int i = 0; i < c.deadlines().size(); i++) {
            if (c.deadlines().get(i).date() == null) {
                errors.put("deadlines[" + i + "]", "intake.card.deadlineIncomplete");
            }
        }
        for (int i = 0; i < c.indicators().size(); i++) {
            Indicator ind = c.indicators().get(i);
            if (ind.name() == null || ind.name().isBlank() || ind.value() == null || !COMPARATORS.contains(ind.comparator())) {
                errors.put("indicators[" + i + "]", "intake.card.indicatorIncomplete");
            }
        }
        for (int i = 0; i < c.obligations().size(); i++) {
            Obligation o = c.obligations().get(i);
            if (o.subject() == null || o.subject().isBlank() || o.atLeast() < 1 || !PERIODS.contains(o.per())) {
                errors.put("obligations[" + i + "]", "intake.card.obligationIncomplete");
            }
        }
        return errors;
    }

    private DraftConflict staleCard(long draftId, long cardId, StoredCard before) {
        StoredCard now = store.find(draftId, null).flatMap(d -> d.card(cardId)).orElse(null);
        if (now == null) {
            return new DraftConflict("intake.cardDeleted", before.card().ref());
        }
        return new DraftConflict("intake.cardEditedConcurrently", now.updatedBy(), time(now.updatedAt()), now.card().ref());
    }

    private String time(java.time.OffsetDateTime at) {
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

    private static PlanHeader tidy(PlanHeader h) {
        return new PlanHeader(blankToNull(h.inspectionName()), blankToNull(h.inspectionTeam()), h.feedbackDate(),
                blankToNull(h.planTitle()), blankToNull(h.issuingBody()), h.issuedOn());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
