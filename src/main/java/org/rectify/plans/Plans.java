package org.rectify.plans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.platform.InvalidInputException;
import org.rectify.units.UnitPaths;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.noCondition;
import static org.rectify.plans.internal.db.Tables.INSPECTION;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/** Inspections and the rectification plans that answer them. Plans are not scoped: their tasks are. */
@Service
@Transactional
public class Plans {

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final PlanSections sections;

    Plans(DSLContext db, ApplicationEventPublisher events, PlanSections sections) {
        this.db = db;
        this.events = events;
        this.sections = sections;
    }

    public long createInspection(String name, String team, LocalDate feedbackDate) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(Map.of("name", "inspection.nameRequired"), "inspection.nameRequired");
        }
        long id = db.insertInto(INSPECTION).set(INSPECTION.NAME, name.strip()).set(INSPECTION.TEAM, team)
                .set(INSPECTION.FEEDBACK_DATE, feedbackDate).returning(INSPECTION.ID).fetchOne(INSPECTION.ID);
        events.publishEvent(new PlanCreated("inspection", id, name.strip(), null));
        return id;
    }

    /** A new plan, run by the office of {@code ownerUnitId}. */
    public long createPlan(Long inspectionId, String title, String issuingBody, LocalDate issuedOn, long ownerUnitId) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException(Map.of("title", "plan.titleRequired"), "plan.titleRequired");
        }
        long id = db.insertInto(PLAN).set(PLAN.INSPECTION_ID, inspectionId).set(PLAN.TITLE, title.strip())
                .set(PLAN.ISSUING_BODY, issuingBody).set(PLAN.ISSUED_ON, issuedOn).set(PLAN.OWNER_UNIT_ID, ownerUnitId)
                .returning(PLAN.ID).fetchOne(PLAN.ID);
        events.publishEvent(new PlanCreated("plan", id, title.strip(), ownerUnitId));
        return id;
    }

    /**
     * Hands the plan to the office of {@code ownerUnitId}: its tasks' reach follows (the database's trigger), and
     * {@link PlanOwnerChanged} tells whoever keeps facts by that reach. Nothing happens when it already runs the plan.
     */
    public void changeOwner(long planId, long ownerUnitId) {
        changeOwner(planId, ownerUnitId, null);
    }

    /** {@link #changeOwner(long, long)}, recorded as done by {@code actor} ({@link PlanHandovers}: an office's hand-over). */
    public void changeOwner(long planId, long ownerUnitId, String actor) {
        Long former = db.select(PLAN.OWNER_UNIT_ID).from(PLAN).where(PLAN.ID.eq(planId)).forUpdate()
                .fetchOptional(PLAN.OWNER_UNIT_ID).orElseThrow(() -> new PlanNotFound(planId));
        if (former != null && former == ownerUnitId) {
            return;
        }
        db.update(PLAN).set(PLAN.OWNER_UNIT_ID, ownerUnitId).where(PLAN.ID.eq(planId)).execute();
        events.publishEvent(new PlanOwnerChanged(planId, former, ownerUnitId, actor));
    }

    @Transactional(readOnly = true)
    public List<PlanSummary> all() {
        return summaries(noCondition());
    }

    /**
     * The titles of these plans by id: what a list naming its plans needs, without {@link #all}'s other columns.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> titles(Collection<Long> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return db.select(PLAN.ID, PLAN.TITLE).from(PLAN).where(PLAN.ID.in(planIds)).fetchMap(PLAN.ID, PLAN.TITLE);
    }

    @Transactional(readOnly = true)
    public PlanSummary get(long planId) {
        return find(planId).orElseThrow(() -> new PlanNotFound(planId));
    }

    @Transactional(readOnly = true)
    public Optional<PlanSummary> find(long planId) {
        return summaries(PLAN.ID.eq(planId)).stream().findFirst();
    }

    private List<PlanSummary> summaries(Condition where) {
        return db.select(PLAN.ID, PLAN.INSPECTION_ID, INSPECTION.NAME, PLAN.TITLE, PLAN.ISSUING_BODY, PLAN.ISSUED_ON,
                        TaskStatusCounts.tasksOf(PLAN.ID), PLAN.SHORT_NAME)
                .from(PLAN).leftJoin(INSPECTION).on(INSPECTION.ID.eq(PLAN.INSPECTION_ID))
                .where(where)
                .orderBy(PLAN.ID)
                .fetch(r -> new PlanSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8()));
    }

    @Transactional(readOnly = true)
    public Optional<Long> findByTitle(String title) {
        return db.select(PLAN.ID).from(PLAN).where(PLAN.TITLE.eq(title)).orderBy(PLAN.ID).limit(1).fetchOptional(PLAN.ID);
    }

    /** The plan, for an office-level act on it or on its tasks: "not found" unless the caller governs the unit running it. */
    @Transactional(readOnly = true)
    public PlanSummary governed(long planId, org.rectify.access.Caller caller) {
        PlanSummary plan = get(planId);
        org.rectify.access.Jurisdiction.require(caller, ownerPath(planId).orElse(null), () -> new PlanNotFound(planId));
        return plan;
    }

    /** The unit whose office runs the plan (empty for a plan without one). */
    @Transactional(readOnly = true)
    public Optional<Long> ownerUnitId(long planId) {
        return db.select(PLAN.OWNER_UNIT_ID).from(PLAN).where(PLAN.ID.eq(planId)).fetchOptional(PLAN.OWNER_UNIT_ID);
    }

    /** The path of the unit whose office runs the plan (empty for a plan without one: administrators only). */
    @Transactional(readOnly = true)
    public Optional<String> ownerPath(long planId) {
        return db.select(UNITS_DIRECTORY.PATH).from(PLAN).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLAN.OWNER_UNIT_ID))
                .where(PLAN.ID.eq(planId)).fetchOptional(UNITS_DIRECTORY.PATH);
    }

    /**
     * The plan, to read it (its summary, cadence, cycles, breakdown): when the caller's unit, or one above it, runs
     * it, or the caller sees one of its tasks; "not found" otherwise, like a task outside the scope.
     */
    @Transactional(readOnly = true)
    public PlanSummary visible(long planId, org.rectify.access.DataScope scope) {
        return summaries(PLAN.ID.eq(planId).and(visibleTo(scope))).stream().findFirst().orElseThrow(() -> new PlanNotFound(planId));
    }

    /** The plans the scope sees (see {@link #visible}), for lists and filters. */
    @Transactional(readOnly = true)
    public List<PlanSummary> visibleFor(org.rectify.access.DataScope scope) {
        return summaries(visibleTo(scope));
    }

    private Condition visibleTo(org.rectify.access.DataScope scope) {
        if (scope.isAll()) {
            return org.jooq.impl.DSL.trueCondition();
        }
        Condition runs = scope.ownPlans() ? PLAN.OWNER_UNIT_ID.in(db.select(UNITS_DIRECTORY.ID).from(UNITS_DIRECTORY)
                .where(UnitPaths.within(UNITS_DIRECTORY.PATH, scope.unitPath()))) : org.jooq.impl.DSL.falseCondition();
        return runs.or(PLAN.ID.in(TaskStatusCounts.plansSeenBy(scope)));
    }

    /**
     * The titles and short names of the plans the scope sees ({@link #visibleFor}), in plan order: a filter's options,
     * without the summaries' other columns.
     */
    @Transactional(readOnly = true)
    public List<PlanTitle> visibleTitles(org.rectify.access.DataScope scope) {
        return db.select(PLAN.ID, PLAN.TITLE, PLAN.SHORT_NAME).from(PLAN).where(visibleTo(scope)).orderBy(PLAN.ID)
                .fetch(r -> new PlanTitle(r.value1(), r.value2(), r.value3()));
    }

    /** The plans whose tasks the caller may create and edit, for forms. */
    @Transactional(readOnly = true)
    public List<PlanSummary> governedBy(org.rectify.access.Caller caller) {
        return summaries(PLAN.OWNER_UNIT_ID.in(db.select(UNITS_DIRECTORY.ID).from(UNITS_DIRECTORY)
                .where(org.rectify.access.Jurisdiction.over(caller, UNITS_DIRECTORY.PATH)))
                .or(caller.scope().isAll() ? PLAN.OWNER_UNIT_ID.isNull() : org.jooq.impl.DSL.falseCondition()));
    }

    /** Whether the plan is run by a unit at {@code unitPath} or below it (its office sees the whole plan). */
    @Transactional(readOnly = true)
    public boolean isRunFrom(long planId, String unitPath) {
        return db.fetchExists(db.selectOne().from(PLAN).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(PLAN.OWNER_UNIT_ID))
                .where(PLAN.ID.eq(planId).and(UnitPaths.within(UNITS_DIRECTORY.PATH, unitPath))));
    }

    /** The top-level sections used by a plan's task references (一, 二, …), in plan order, for filters. */
    @Transactional(readOnly = true)
    public List<String> sections(Long planId) {
        return sections.of(planId);
    }

}
