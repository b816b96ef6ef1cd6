package org.rectify.closure;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Jurisdiction;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.plans.PlanSummary;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.units.UnitNotFound;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.rectify.closure.internal.db.Tables.LOOK_BACK;
import static org.rectify.closure.internal.db.Tables.LOOK_BACK_CAMPAIGN;
import static org.rectify.closure.internal.db.Tables.LOOK_BACK_SETTINGS;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * Where look-backs come from: a task's closing schedules one per round of its plan's settings (default 6 and 12
 * months after closing), and the office starts campaigns over chosen closed tasks. Only the office that runs a plan
 * (or an administrator) changes its settings and starts its campaigns; another office's plan is "not found".
 */
@Service
@Transactional
public class LookBackScheduling {

    private final DSLContext db;
    private final Plans plans;
    private final TaskLedger tasks;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LookBackScheduling(DSLContext db, Plans plans, TaskLedger tasks, Units units, ApplicationEventPublisher events,
                       Clock clock) {
        this.db = db;
        this.plans = plans;
        this.tasks = tasks;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LookBackSettings settings(long planId) {
        return db.selectFrom(LOOK_BACK_SETTINGS).where(LOOK_BACK_SETTINGS.PLAN_ID.eq(planId))
                .fetchOptional(r -> new LookBackSettings(LookBackSettings.parse(r.getMonths()), r.getCheckingUnitId()))
                .orElse(LookBackSettings.DEFAULT);
    }

    /** The settings of a plan the caller governs. */
    @Transactional(readOnly = true)
    public LookBackSettings settings(long planId, Caller caller) {
        plans.governed(planId, caller);
        return settings(planId);
    }

    public LookBackSettings changeSettings(long planId, LookBackSettings settings, Caller caller) {
        plans.governed(planId, caller);
        requireOffice(caller);
        if (settings == null || !settings.isValid()) {
            throw new InvalidInputException(Map.of("months", "lookback.monthsRange"), "lookback.monthsRange",
                    LookBackSettings.MAX_MONTHS);
        }
        if (settings.checkingUnitId() != null) {
            requireUnitInJurisdiction(settings.checkingUnitId(), caller);
        }
        db.insertInto(LOOK_BACK_SETTINGS).set(LOOK_BACK_SETTINGS.PLAN_ID, planId)
                .set(LOOK_BACK_SETTINGS.MONTHS, settings.stored()).set(LOOK_BACK_SETTINGS.CHECKING_UNIT_ID, settings.checkingUnitId())
                .onConflict(LOOK_BACK_SETTINGS.PLAN_ID).doUpdate()
                .set(LOOK_BACK_SETTINGS.MONTHS, settings.stored()).set(LOOK_BACK_SETTINGS.CHECKING_UNIT_ID, settings.checkingUnitId())
                .execute();
        events.publishEvent(new LookBackSettingsChanged(planId, settings.stored(), settings.checkingUnitId(),
                caller.signature(), clock.instant()));
        return settings(planId);
    }

    /**
     * Schedules the rounds of the task's plan after its closing on {@code closedOn}; a round already scheduled for
     * that closing is not scheduled again (an event handled twice). Returns how many were scheduled.
     */
    public int scheduleAfterClosing(long taskId, LocalDate closedOn) {
        TaskDetail task = tasks.get(taskId, DataScope.ALL);
        if (task.status() != TaskStatus.CLOSED) {
            return 0; // reopened since it was closed: nothing closed to look back on
        }
        long planId = task.planId();
        LookBackSettings settings = settings(planId);
        Long checking = settings.checkingUnitId() != null ? settings.checkingUnitId() : plans.ownerUnitId(planId).orElse(null);
        if (checking == null) {
            return 0; // a plan nobody runs has nobody to look back
        }
        Instant now = clock.instant();
        int scheduled = 0;
        for (int months : settings.months()) {
            LocalDate due = closedOn.plusMonths(months);
            Long id = db.insertInto(LOOK_BACK).set(LOOK_BACK.TASK_ID, taskId).set(LOOK_BACK.ROUND_MONTHS, months)
                    .set(LOOK_BACK.CLOSED_ON, closedOn).set(LOOK_BACK.CHECKING_UNIT_ID, checking).set(LOOK_BACK.DUE_ON, due)
                    .set(LOOK_BACK.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .onConflictDoNothing().returning(LOOK_BACK.ID).fetchOptional(LOOK_BACK.ID).orElse(null);
            if (id != null) {
                scheduled++;
                events.publishEvent(new LookBackScheduled(id, taskId, due, checking, now));
            }
        }
        return scheduled;
    }

    /**
     * Starts a campaign: one look-back for each closed task of the plan that the criteria choose (at least one
     * criterion, at least one task), checked by the chosen unit (default the plan's office unit) by the due date.
     */
    public LookBackCampaign startCampaign(NewLookBackCampaign c, Caller caller) {
        if (c.planId() == null) {
            throw new InvalidInputException(Map.of("planId", "lookback.planRequired"), "lookback.planRequired");
        }
        plans.governed(c.planId(), caller);
        requireOffice(caller);
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.title() == null || c.title().isBlank()) {
            errors.put("title", "lookback.campaign.titleRequired");
        }
        if (c.dueOn() == null || !c.dueOn().isAfter(LocalDate.now(clock))) {
            errors.put("dueOn", "lookback.campaign.dueFuture");
        }
        boolean chosen = (c.section() != null && !c.section().isBlank()) || c.leadUnitId() != null || !c.refs().isEmpty();
        if (!chosen) {
            errors.put("section", "lookback.campaign.criteriaRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        if (c.leadUnitId() != null) {
            units.get(c.leadUnitId());
        }
        long checking = c.checkingUnitId() != null ? c.checkingUnitId() : plans.ownerUnitId(c.planId()).orElseThrow();
        if (c.checkingUnitId() != null) {
            requireUnitInJurisdiction(checking, caller);
        }
        Condition which = PLANS_TASK.PLAN_ID.eq(c.planId()).and(PLANS_TASK.STATUS.eq(TaskStatus.CLOSED.name()))
                .and(TaskConditions.PUBLISHED.inSection(c.section()))
                .and(c.leadUnitId() == null ? noCondition() : TaskConditions.PUBLISHED.ledFromUnit(db, c.leadUnitId()))
                .and(c.refs().isEmpty() ? noCondition() : PLANS_TASK.REF.in(c.refs()));
        List<Long> taskIds = db.select(PLANS_TASK.ID).from(PLANS_TASK).where(which).orderBy(PLANS_TASK.POSITION, PLANS_TASK.ID).fetch(PLANS_TASK.ID);
        if (taskIds.isEmpty()) {
            throw new InvalidInputException(Map.of("section", "lookback.campaign.noTasks"), "lookback.campaign.noTasks");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        long id = db.insertInto(LOOK_BACK_CAMPAIGN).set(LOOK_BACK_CAMPAIGN.PLAN_ID, c.planId())
                .set(LOOK_BACK_CAMPAIGN.TITLE, c.title().strip()).set(LOOK_BACK_CAMPAIGN.SELECTION, selection(c))
                .set(LOOK_BACK_CAMPAIGN.CHECKING_UNIT_ID, checking).set(LOOK_BACK_CAMPAIGN.DUE_ON, c.dueOn())
                .set(LOOK_BACK_CAMPAIGN.STARTED_BY, caller.signature()).set(LOOK_BACK_CAMPAIGN.STARTED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(LOOK_BACK_CAMPAIGN.ID).fetchOne(LOOK_BACK_CAMPAIGN.ID);
        Map<Long, LocalDate> closedOn = lastClosed(taskIds);
        List<Long> lookBacks = new ArrayList<>();
        for (long taskId : taskIds) {
            long lb = db.insertInto(LOOK_BACK).set(LOOK_BACK.TASK_ID, taskId).set(LOOK_BACK.CAMPAIGN_ID, id)
                    .set(LOOK_BACK.CLOSED_ON, closedOn.getOrDefault(taskId, today)).set(LOOK_BACK.CHECKING_UNIT_ID, checking)
                    .set(LOOK_BACK.DUE_ON, c.dueOn()).set(LOOK_BACK.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .returning(LOOK_BACK.ID).fetchOne(LOOK_BACK.ID);
            lookBacks.add(lb);
            events.publishEvent(new LookBackScheduled(lb, taskId, c.dueOn(), checking, now));
        }
        events.publishEvent(new LookBackCampaignStarted(id, c.planId(), lookBacks.size(), caller.signature(), now));
        return campaign(id, caller);
    }

    /** The day each task was last closed, in the offices' time zone. */
    private Map<Long, LocalDate> lastClosed(List<Long> taskIds) {
        Map<Long, LocalDate> days = new java.util.HashMap<>();
        tasks.lastClosedAt(taskIds).forEach((id, at) -> days.put(id, at.atZone(clock.getZone()).toLocalDate()));
        return days;
    }

    /** The campaigns on the plans the caller governs, newest first. */
    @Transactional(readOnly = true)
    public List<LookBackCampaign> campaigns(Caller caller) {
        List<Long> governed = plans.governedBy(caller).stream().map(PlanSummary::id).toList();
        return campaigns(LOOK_BACK_CAMPAIGN.PLAN_ID.in(governed));
    }

    @Transactional(readOnly = true)
    public LookBackCampaign campaign(long id, Caller caller) {
        List<LookBackCampaign> found = campaigns(LOOK_BACK_CAMPAIGN.ID.eq(id));
        if (found.isEmpty() || plans.ownerPath(found.get(0).planId()).map(p -> !caller.governs(p)).orElse(!caller.scope().isAll())) {
            throw new LookBackNotFound(id);
        }
        return found.get(0);
    }

    private List<LookBackCampaign> campaigns(Condition which) {
        var pending = count().filterWhere(LOOK_BACK.STATUS.eq(LookBackStatus.PENDING.name()));
        return db.select(LOOK_BACK_CAMPAIGN.asterisk(), UNITS_DIRECTORY.NAME, count(LOOK_BACK.ID), pending)
                .from(LOOK_BACK_CAMPAIGN).join(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(LOOK_BACK_CAMPAIGN.CHECKING_UNIT_ID))
                .leftJoin(LOOK_BACK).on(LOOK_BACK.CAMPAIGN_ID.eq(LOOK_BACK_CAMPAIGN.ID))
                .where(which).groupBy(LOOK_BACK_CAMPAIGN.ID, UNITS_DIRECTORY.NAME)
                .orderBy(LOOK_BACK_CAMPAIGN.STARTED_AT.desc(), LOOK_BACK_CAMPAIGN.ID.desc())
                .fetch(r -> new LookBackCampaign(r.get(LOOK_BACK_CAMPAIGN.ID), r.get(LOOK_BACK_CAMPAIGN.PLAN_ID),
                        r.get(LOOK_BACK_CAMPAIGN.TITLE), r.get(LOOK_BACK_CAMPAIGN.SELECTION),
                        r.get(LOOK_BACK_CAMPAIGN.CHECKING_UNIT_ID), r.get(UNITS_DIRECTORY.NAME), r.get(LOOK_BACK_CAMPAIGN.DUE_ON),
                        r.get(LOOK_BACK_CAMPAIGN.STARTED_BY), r.get(LOOK_BACK_CAMPAIGN.STARTED_AT),
                        r.get(count(LOOK_BACK.ID)), r.get(pending)));
    }

    private String selection(NewLookBackCampaign c) {
        List<String> parts = new ArrayList<>();
        if (c.section() != null && !c.section().isBlank()) {
            parts.add("section=" + c.section().strip());
        }
        if (c.leadUnitId() != null) {
            parts.add("leadUnit=" + units.get(c.leadUnitId()).name());
        }
        if (!c.refs().isEmpty()) {
            parts.add("refs=" + String.join("、", c.refs()));
        }
        return String.join("; ", parts);
    }

    private static void requireOffice(Caller caller) {
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("lookback.officeOnly");
        }
    }

    /** A checking unit named by the office: one in its jurisdiction; another is "not found". */
    private void requireUnitInJurisdiction(long unitId, Caller caller) {
        var unit = units.get(unitId);
        Jurisdiction.require(caller, unit.path(), () -> new UnitNotFound(unitId));
    }
}
