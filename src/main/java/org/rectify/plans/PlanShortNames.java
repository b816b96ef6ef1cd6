package org.rectify.plans;

import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.plans.internal.db.Tables.TASK;

/**
 * A plan's short name (临沧2018), set by the office that runs it, so that a task named outside its plan (inbox,
 * notices, warnings, reminders, circulars) says which plan it is in: {@code 临沧2018·二(一)}. Task references repeat
 * from plan to plan; with the short name they stay unique in lists that mix plans.
 */
@Service
public class PlanShortNames {

    public static final int MAX_LENGTH = 16;
    static final String SEPARATOR = "·";

    private final DSLContext db;
    private final Plans plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanShortNames(DSLContext db, Plans plans, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    /** The office of the unit running the plan (or an administrator) names it; blank clears the name. */
    @Transactional
    public void set(long planId, String shortName, Caller caller) {
        plans.governed(planId, caller); // another office's plan is "not found"
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("plans.shortName.forbidden");
        }
        String name = shortName == null || shortName.isBlank() ? null : shortName.strip();
        if (name != null && (name.length() > MAX_LENGTH || name.contains(SEPARATOR))) {
            throw new InvalidInputException(Map.of("shortName", "plans.shortName.invalid"), "plans.shortName.invalid", MAX_LENGTH);
        }
        db.update(PLAN).set(PLAN.SHORT_NAME, name).where(PLAN.ID.eq(planId)).execute();
        events.publishEvent(new PlanShortNameSet(planId, name, caller.signature(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<String> of(long planId) {
        return db.select(PLAN.SHORT_NAME).from(PLAN).where(PLAN.ID.eq(planId)).fetchOptional(PLAN.SHORT_NAME);
    }

    /** Every plan's short name, by plan id (plans without one left out). */
    @Transactional(readOnly = true)
    public Map<Long, String> all() {
        return db.select(PLAN.ID, PLAN.SHORT_NAME).from(PLAN).where(PLAN.SHORT_NAME.isNotNull()).fetchMap(PLAN.ID, PLAN.SHORT_NAME);
    }

    /** A task as named outside its plan: {@code 临沧2018·二(一)}, or its reference alone when the plan has no short name. */
    @Transactional(readOnly = true)
    public String label(long taskId, String ref) {
        return db.select(PLAN.SHORT_NAME).from(TASK).join(PLAN).on(PLAN.ID.eq(TASK.PLAN_ID)).where(TASK.ID.eq(taskId))
                .fetchOptional(PLAN.SHORT_NAME).map(name -> label(name, ref)).orElse(ref);
    }

    /**
     * The short names of these tasks' plans, read in one query, to name each task of a list as {@link #label(long,
     * String)} does; in a template: {@code labels=${@planShortNames.labels(rows.![taskId])}}, then
     * {@code ${labels.of(r.taskId, r.taskRef)}}.
     */
    @Transactional(readOnly = true)
    public TaskLabels labels(java.util.Collection<Long> taskIds) {
        if (taskIds == null || taskIds.isEmpty()) {
            return new TaskLabels(Map.of());
        }
        return new TaskLabels(db.select(TASK.ID, PLAN.SHORT_NAME).from(TASK).join(PLAN).on(PLAN.ID.eq(TASK.PLAN_ID))
                .where(TASK.ID.in(taskIds.stream().filter(java.util.Objects::nonNull).distinct().toList()).and(PLAN.SHORT_NAME.isNotNull()))
                .fetchMap(TASK.ID, PLAN.SHORT_NAME));
    }

    /** The plans' short names of a list's tasks, by task id. */
    public record TaskLabels(Map<Long, String> shortNameByTask) {

        /** The task as named outside its plan: {@code 临沧2018·二(一)}. */
        public String of(Long taskId, String ref) {
            return taskId == null ? ref : label(shortNameByTask.get(taskId), ref);
        }
    }

    /** A task as named outside its plan, from its plan's short name (null: the reference alone). */
    public static String label(String shortName, String ref) {
        return shortName == null ? ref : shortName + SEPARATOR + ref;
    }

    /** The plan's short name was set (or cleared: {@code shortName} null). */
    public record PlanShortNameSet(long planId, String shortName, String actor, java.time.Instant occurredAt)
            implements org.rectify.platform.Audited {

        @Override
        public String auditAction() {
            return "plan.short-name-set";
        }

        @Override
        public String auditObject() {
            return "plan:" + planId;
        }
    }
}
