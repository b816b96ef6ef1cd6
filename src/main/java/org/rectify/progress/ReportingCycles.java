package org.rectify.progress;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskStatus;
import org.rectify.platform.KeptUntilChanged;
import org.rectify.platform.RenderedStatements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
import static org.rectify.progress.internal.db.Tables.REPORTING_CADENCE;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_CONTRIBUTION;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;

/**
 * Reporting cadences and the cycles they make. The office sets a plan's cadence; cycles are generated ahead (when
 * the cadence is set, when a page needs the current cycle, and daily), each once however many nodes run.
 */
@Service
@Transactional
public class ReportingCycles {

    /** Tasks in these states expect a report from each lead unit every cycle; CLOSED, CANCELLED and drafts do not. */
    public static final Set<TaskStatus> REPORTING = EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
            TaskStatus.CLOSURE_REQUESTED, TaskStatus.ONGOING, TaskStatus.REOPENED);

    static final int MAX_CUSTOM_DATES = 120;

    /** A cycle's columns and whether its plan's reports wait for approval ({@link #findWithApproval}). */
    private static final List<Field<?>> CYCLE_WITH_APPROVAL = java.util.stream.Stream.concat(
            Arrays.stream(REPORTING_CYCLE.fields()), java.util.stream.Stream.of(REPORTING_CADENCE.APPROVAL_REQUIRED,
                    REPORTING_CADENCE.CYCLES_VERSION)).toList();
    /** {@link WithApproval#cyclesVersion} of a cycle whose plan has no cadence row (none is made without one). */
    private static final long NO_CADENCE = -1;
    /** {@link #isLastEnded}'s column in {@link #findWithApproval}. */
    private static final Field<Boolean> LAST_ENDED = DSL.field(DSL.name("last_ended"), Boolean.class);
    /** {@link #findWithApproval}'s columns. */
    private static final List<Field<?>> CYCLE_READ_FOR_REPORT = java.util.stream.Stream.concat(CYCLE_WITH_APPROVAL.stream(),
            java.util.stream.Stream.of(LAST_ENDED)).toList();

    private final DSLContext db;
    private final RenderedStatements statements;
    private final KeptUntilChanged keptForReports = new KeptUntilChanged(Duration.ofMinutes(10), 10_000);
    private final Plans plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportingCycles(DSLContext db, RenderedStatements statements, Plans plans, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.statements = statements;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return today(clock);
    }

    /**
     * Today in the offices' zone on {@code clock} (the application's): {@link #today()} for this module's classes that
     * ask it several times per request (a submission), without a pass through this class's transactional proxy each
     * time (issue 14).
     */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public Optional<ReportingCadence> cadence(long planId) {
        return db.selectFrom(REPORTING_CADENCE).where(REPORTING_CADENCE.PLAN_ID.eq(planId))
                .fetchOptional(ReportingCycles::toCadence);
    }

    /**
     * The cadences of these plans by plan id (plans without one are absent) and the version of each one's cycles
     * (V71: raised by whatever writes them), in one statement: it joins a caller's transaction and opens none (the due
     * list runs without one).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public PlanCadences cadences(Collection<Long> planIds) {
        Map<Long, ReportingCadence> out = new LinkedHashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        if (!planIds.isEmpty()) {
            // rendered once with the plans as one array (the due list asks at every request), bound each time
            Long[] plans = planIds.toArray(Long[]::new);
            // read from the driver (RenderedStatements.rows): jOOQ's template and records cost more than the row
            List<Object> binds = List.of((Object) plans);
            statements.rows(statements.sqlWithBinds("cadences-of-plans", () -> db.select(CADENCE_FIELDS).from(REPORTING_CADENCE)
                            .where(REPORTING_CADENCE.PLAN_ID.eq(any(val(plans)))), binds), binds, r -> {
                        ReportingCadence c = cadence(r);
                        versions.put(c.planId(), r.getLong(CADENCE_FIELDS.size()));
                        return c;
                    })
                    .forEach(c -> out.put(c.planId(), c));
        }
        return new PlanCadences(out, versions);
    }

    /** Plans' cadences by plan id and the version of each one's cycles by plan id ({@link #cadences}). */
    public record PlanCadences(Map<Long, ReportingCadence> byPlan, Map<Long, Long> cyclesVersions) {
    }

    /** What {@link #cadences} reads of a cadence, in {@link #cadence(java.sql.ResultSet)}'s order. */
    private static final List<Field<?>> CADENCE_FIELDS = List.of(REPORTING_CADENCE.PLAN_ID, REPORTING_CADENCE.KIND,
            REPORTING_CADENCE.DUE_DAY, REPORTING_CADENCE.GRACE_DAYS, REPORTING_CADENCE.APPROVAL_REQUIRED,
            REPORTING_CADENCE.STARTS_ON, REPORTING_CADENCE.CUSTOM_DUE_DATES, REPORTING_CADENCE.UPDATED_BY,
            REPORTING_CADENCE.UPDATED_AT, REPORTING_CADENCE.CYCLES_VERSION);

    /** A cadence read by column number ({@link #CADENCE_FIELDS}), as {@link #toCadence} reads its record. */
    private static ReportingCadence cadence(java.sql.ResultSet r) throws java.sql.SQLException {
        String dates = r.getString(7); // a date[] as text: {2026-01-25,2026-02-25} (DateStyle ISO)
        List<LocalDate> custom = new ArrayList<>();
        if (dates != null && dates.length() > 2) {
            for (String date : dates.substring(1, dates.length() - 1).split(",")) {
                custom.add(org.rectify.platform.ColumnDates.parse(date));
            }
        }
        return new ReportingCadence(r.getLong(1), CadenceKind.valueOf(r.getString(2)), r.getInt(3), r.getInt(4),
                r.getBoolean(5), org.rectify.platform.ColumnDates.parse(r.getString(6)), custom, r.getString(8),
                r.getObject(9, java.time.OffsetDateTime.class).toInstant());
    }

    /** What {@link #cyclesOfPlans} reads of a cycle, in {@link #cycle(java.sql.ResultSet)}'s order. */
    private static final List<Field<?>> CYCLE_FIELDS = List.of(REPORTING_CYCLE.ID, REPORTING_CYCLE.PLAN_ID,
            REPORTING_CYCLE.KIND, REPORTING_CYCLE.SEQ, REPORTING_CYCLE.PERIOD_START, REPORTING_CYCLE.PERIOD_END,
            REPORTING_CYCLE.DUE_ON, REPORTING_CYCLE.GRACE_UNTIL);

    /** A cycle read by column number ({@link #CYCLE_FIELDS}), as {@link #toCycle} reads its record. */
    private static ReportingCycle cycle(java.sql.ResultSet r) throws java.sql.SQLException {
        return new ReportingCycle(r.getLong(1), r.getLong(2), CadenceKind.valueOf(r.getString(3)), r.getInt(4),
                org.rectify.platform.ColumnDates.parse(r.getString(5)), org.rectify.platform.ColumnDates.parse(r.getString(6)),
                org.rectify.platform.ColumnDates.parse(r.getString(7)), org.rectify.platform.ColumnDates.parse(r.getString(8)));
    }

    private static ReportingCadence toCadence(org.rectify.progress.internal.db.tables.records.ReportingCadenceRecord r) {
        return new ReportingCadence(r.getPlanId(), CadenceKind.valueOf(r.getKind()), r.getDueDay(),
                r.getGraceDays(), r.getApprovalRequired(), r.getStartsOn(),
                r.getCustomDueDates() == null ? List.of() : Arrays.asList(r.getCustomDueDates()),
                r.getUpdatedBy(), r.getUpdatedAt().toInstant());
    }

    /** Whether the caller may set the plan's cadence: the office of the unit that runs the plan, or an administrator. */
    @Transactional(readOnly = true)
    public boolean maySetCadence(long planId, Caller caller) {
        return caller.role().managesTasks() && caller.governs(plans.ownerPath(planId).orElse(null));
    }

    /**
     * Sets the plan's cadence. Cycles already begun stay as they were (reports may answer them); later cycles no
     * report or contribution answers are made again from the new cadence; open cycles take the new grace period.
     */
    public ReportingCadence setCadence(long planId, CadenceSettings settings, Caller caller) {
        plans.get(planId);
        if (!caller.role().managesTasks()) {
            throw new ReportForbidden("progress.cadence.forbidden");
        }
        plans.governed(planId, caller); // another office's plan is "not found"
        LocalDate today = today();
        CadenceSettings s = check(settings, today);
        Instant now = clock.instant();
        LocalDate startsOn = s.startsOn() != null ? s.startsOn() : CycleCalendar.defaultStart(s.kind(), today, s.customDueDates());
        db.insertInto(REPORTING_CADENCE)
                .set(REPORTING_CADENCE.PLAN_ID, planId).set(REPORTING_CADENCE.KIND, s.kind().name())
                .set(REPORTING_CADENCE.DUE_DAY, s.dueDay()).set(REPORTING_CADENCE.GRACE_DAYS, s.graceDays())
                .set(REPORTING_CADENCE.APPROVAL_REQUIRED, s.approvalRequired())
                .set(REPORTING_CADENCE.STARTS_ON, startsOn)
                .set(REPORTING_CADENCE.CUSTOM_DUE_DATES, s.kind() == CadenceKind.CUSTOM
                        ? s.customDueDates().toArray(LocalDate[]::new) : null)
                .set(REPORTING_CADENCE.UPDATED_BY, caller.signature())
                .set(REPORTING_CADENCE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(REPORTING_CADENCE.PLAN_ID).doUpdate()
                .set(REPORTING_CADENCE.KIND, s.kind().name()).set(REPORTING_CADENCE.DUE_DAY, s.dueDay())
                .set(REPORTING_CADENCE.GRACE_DAYS, s.graceDays())
                .set(REPORTING_CADENCE.APPROVAL_REQUIRED, s.approvalRequired())
                .set(REPORTING_CADENCE.STARTS_ON, startsOn)
                .set(REPORTING_CADENCE.CUSTOM_DUE_DATES, s.kind() == CadenceKind.CUSTOM
                        ? s.customDueDates().toArray(LocalDate[]::new) : null)
                .set(REPORTING_CADENCE.UPDATED_BY, caller.signature())
                .set(REPORTING_CADENCE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
        // later cycles nobody answered yet follow the new cadence
        db.deleteFrom(REPORTING_CYCLE).where(REPORTING_CYCLE.PLAN_ID.eq(planId)
                .and(REPORTING_CYCLE.PERIOD_START.gt(today))
                .and(notExists(selectOne().from(REPORT_SLOT).where(REPORT_SLOT.CYCLE_ID.eq(REPORTING_CYCLE.ID))))
                .and(notExists(selectOne().from(REPORT_CONTRIBUTION).where(REPORT_CONTRIBUTION.CYCLE_ID.eq(REPORTING_CYCLE.ID)))))
                .execute();
        db.update(REPORTING_CYCLE).set(REPORTING_CYCLE.GRACE_UNTIL, REPORTING_CYCLE.DUE_ON.plus(s.graceDays()))
                .where(REPORTING_CYCLE.PLAN_ID.eq(planId).and(REPORTING_CYCLE.GRACE_UNTIL.ge(today))
                        .and(REPORTING_CYCLE.DUE_ON.plus(s.graceDays()).ge(today)))
                .execute();
        ReportingCadence cadence = cadence(planId).orElseThrow();
        generate(cadence, today);
        events.publishEvent(new ReportingCadenceSet(planId, s.kind(), s.dueDay(), s.graceDays(), s.approvalRequired(),
                caller.signature(), now));
        return cadence;
    }

    /** Generates the plan's cycles up to the horizon if they are not there yet; returns how many were added. */
    public int extend(long planId) {
        return cadence(planId).map(c -> generate(c, today())).orElse(0);
    }

    /** {@link #extend} for every plan with a cadence (the daily job). */
    public int extendAll() {
        return db.select(REPORTING_CADENCE.PLAN_ID).from(REPORTING_CADENCE).fetch(REPORTING_CADENCE.PLAN_ID)
                .stream().mapToInt(this::extend).sum();
    }

    @Transactional(readOnly = true)
    public List<ReportingCycle> cycles(long planId) {
        return db.selectFrom(REPORTING_CYCLE).where(REPORTING_CYCLE.PLAN_ID.eq(planId))
                .orderBy(REPORTING_CYCLE.PERIOD_START).fetch(ReportingCycles::toCycle);
    }

    @Transactional(readOnly = true)
    public ReportingCycle cycle(long cycleId) {
        return find(cycleId).orElseThrow(() -> new ReportNotFound("progress.cycle.notFound", cycleId));
    }

    @Transactional(readOnly = true)
    public Optional<ReportingCycle> find(long cycleId) {
        return db.selectFrom(REPORTING_CYCLE).where(REPORTING_CYCLE.ID.eq(cycleId)).fetchOptional(ReportingCycles::toCycle);
    }

    /**
     * A cycle, whether its plan's reports wait for the unit head's approval, whether it is its plan's last cycle whose
     * grace period ended before today ({@link #isLastEnded}), and the plan's cadence row as it was read: the version of
     * its cycles (V71) and its approval flag, which a first report's statement checks when the cycle was kept
     * ({@link #keptWithApproval}).
     */
    record WithApproval(ReportingCycle cycle, boolean approvalRequired, boolean lastEnded, long cyclesVersion) {
    }

    /**
     * {@link #findWithApproval} as kept on this node for a while (issue 14: each first report read its cycle with a
     * round trip of its own, though cycles change a few times a year). A kept value may be stale (another node set the
     * plan's cadence): the report's statement writes only if the cadence row is still as read, and is otherwise tried
     * again on a fresh read ({@link #forgetKept}), so a stale value costs a second try, never a wrong report.
     */
    @Transactional(readOnly = true)
    Optional<WithApproval> keptWithApproval(long cycleId, LocalDate today) {
        return Optional.ofNullable(keptForReports.get(new KeptCycle(cycleId, today),
                () -> findWithApproval(cycleId, today).orElse(null)));
    }

    /** Nothing kept by {@link #keptWithApproval} is served again: a report found a kept cycle stale. */
    void forgetKept() {
        keptForReports.changed();
    }

    /** {@link #keptWithApproval}'s key: whether a cycle is its plan's last ended depends on the day. */
    private record KeptCycle(long cycleId, LocalDate today) {
    }

    /**
     * {@link #find}, the plan's {@link ReportingCadence#approvalRequired} and {@link #isLastEnded} on {@code today} in one
     * statement (a report's command needs all three: the last, for the warning a report counted on that cycle clears).
     */
    @Transactional(readOnly = true)
    Optional<WithApproval> findWithApproval(long cycleId, LocalDate today) {
        // rendered once (each first report reads its cycle), today and the id bound each time
        List<Object> binds = List.of(today, today, cycleId);
        String sql = statements.sqlWithBinds("cycle-with-approval", () -> db.select(CYCLE_WITH_APPROVAL)
                .select(isLastEnded(REPORTING_CYCLE, val(today)).as(LAST_ENDED)).from(REPORTING_CYCLE)
                .leftJoin(REPORTING_CADENCE).on(REPORTING_CADENCE.PLAN_ID.eq(REPORTING_CYCLE.PLAN_ID))
                .where(REPORTING_CYCLE.ID.eq(cycleId)), binds);
        return db.resultQuery(sql, binds.toArray()).coerce(CYCLE_READ_FOR_REPORT).fetchOptional(r -> new WithApproval(toCycle(r),
                Boolean.TRUE.equals(r.get(REPORTING_CADENCE.APPROVAL_REQUIRED)), Boolean.TRUE.equals(r.get(LAST_ENDED)),
                Objects.requireNonNullElse(r.get(REPORTING_CADENCE.CYCLES_VERSION), NO_CADENCE)));
    }

    /**
     * Whether {@code cycle} is its plan's last cycle whose grace period ended before {@code today}: the one a task's
     * "report missing" looks at (supervision's {@code Warnings}; of two ending on the same day the later one, as there).
     * A report counted on any other cycle cannot change a warning.
     */
    static Field<Boolean> isLastEnded(org.rectify.progress.internal.db.tables.ReportingCycle cycle, Field<LocalDate> today) {
        var later = REPORTING_CYCLE.as("later");
        return DSL.field(cycle.GRACE_UNTIL.lt(today).andNotExists(selectOne().from(later).where(later.PLAN_ID.eq(cycle.PLAN_ID),
                later.GRACE_UNTIL.lt(today), DSL.row(later.GRACE_UNTIL, later.ID).gt(cycle.GRACE_UNTIL, cycle.ID))));
    }

    /** The cycles of many plans at once, by id. */
    @Transactional(readOnly = true)
    public Map<Long, ReportingCycle> cycles(Collection<Long> cycleIds) {
        Map<Long, ReportingCycle> out = new LinkedHashMap<>();
        if (!cycleIds.isEmpty()) {
            db.selectFrom(REPORTING_CYCLE).where(REPORTING_CYCLE.ID.in(cycleIds))
                    .forEach(r -> out.put(r.getId(), toCycle(r)));
        }
        return out;
    }

    /**
     * The cycles of these plans, each plan's in order ({@link #cycles(long)}), by plan id, in one statement; it joins a
     * caller's transaction and opens none.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, List<ReportingCycle>> cyclesOfPlans(Collection<Long> planIds) {
        Map<Long, List<ReportingCycle>> out = new LinkedHashMap<>();
        if (!planIds.isEmpty()) {
            Long[] plans = planIds.toArray(Long[]::new);
            List<Object> binds = List.of((Object) plans);
            statements.rows(statements.sqlWithBinds("cycles-of-plans", () -> db.select(CYCLE_FIELDS).from(REPORTING_CYCLE)
                            .where(REPORTING_CYCLE.PLAN_ID.eq(any(val(plans))))
                            .orderBy(REPORTING_CYCLE.PLAN_ID, REPORTING_CYCLE.PERIOD_START), binds), binds, ReportingCycles::cycle)
                    .forEach(c -> out.computeIfAbsent(c.planId(), k -> new ArrayList<>()).add(c));
        }
        return out;
    }

    /** The cycle under way today: the last one begun, or the first when none has begun yet. */
    @Transactional(readOnly = true)
    public Optional<ReportingCycle> current(long planId) {
        return current(cycles(planId), today());
    }

    /**
     * {@link #current} among a plan's cycles already read, in order of their start (the plan's page has them for its
     * cycle picker): the last one begun by {@code today}, or the first when none has begun yet.
     */
    public static Optional<ReportingCycle> current(List<ReportingCycle> byStart, LocalDate today) {
        ReportingCycle begun = null;
        for (ReportingCycle c : byStart) {
            if (c.hasStartedBy(today)) {
                begun = c;
            }
        }
        return Optional.ofNullable(begun != null ? begun : byStart.isEmpty() ? null : byStart.get(0));
    }

    /**
     * The id of the cycle under way today ({@link #current}) of every plan with cycles, by plan, in one statement: the
     * last one begun, or the first when none has begun yet.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> currentIds() {
        var begun = REPORTING_CYCLE.PERIOD_START.le(today());
        return db.select(REPORTING_CYCLE.PLAN_ID, REPORTING_CYCLE.ID).distinctOn(REPORTING_CYCLE.PLAN_ID).from(REPORTING_CYCLE)
                .orderBy(REPORTING_CYCLE.PLAN_ID, when(begun, 0).otherwise(1),
                        when(begun, REPORTING_CYCLE.PERIOD_START).desc().nullsLast(),
                        REPORTING_CYCLE.PERIOD_START)
                .fetchMap(REPORTING_CYCLE.PLAN_ID, REPORTING_CYCLE.ID);
    }

    private int generate(ReportingCadence cadence, LocalDate today) {
        LocalDate horizon = CycleCalendar.horizon(cadence.kind(), today);
        LocalDate lastEnd = db.select(max(REPORTING_CYCLE.PERIOD_END)).from(REPORTING_CYCLE)
                .where(REPORTING_CYCLE.PLAN_ID.eq(cadence.planId())).fetchOne(0, LocalDate.class);
        if (cadence.kind() != CadenceKind.CUSTOM && lastEnd != null && !lastEnd.isBefore(horizon)) {
            return 0;
        }
        // the cadence's row first, as setting the cadence takes it: the cycles' inserts raise its cycles_version (V71),
        // and taking it after them could deadlock with another node setting the cadence
        db.selectOne().from(REPORTING_CADENCE).where(REPORTING_CADENCE.PLAN_ID.eq(cadence.planId())).forNoKeyUpdate().execute();
        int seq = db.fetchCount(REPORTING_CYCLE, REPORTING_CYCLE.PLAN_ID.eq(cadence.planId()));
        int added = 0;
        for (CycleCalendar.Period p : CycleCalendar.periods(cadence, lastEnd, horizon)) {
            added += db.insertInto(REPORTING_CYCLE)
                    .set(REPORTING_CYCLE.PLAN_ID, cadence.planId()).set(REPORTING_CYCLE.KIND, cadence.kind().name())
                    .set(REPORTING_CYCLE.SEQ, ++seq)
                    .set(REPORTING_CYCLE.PERIOD_START, p.start()).set(REPORTING_CYCLE.PERIOD_END, p.end())
                    .set(REPORTING_CYCLE.DUE_ON, p.dueOn()).set(REPORTING_CYCLE.GRACE_UNTIL, p.graceUntil())
                    .onConflictDoNothing().execute();
        }
        return added;
    }

    private static CadenceSettings check(CadenceSettings s, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (s == null || s.kind() == null) {
            throw new ReportInvalid("kind", "progress.cadence.kindRequired");
        }
        int dueDay = s.dueDay() == null ? 25 : s.dueDay();
        int graceDays = s.graceDays() == null ? 0 : s.graceDays();
        if (dueDay < 1 || dueDay > 31) {
            errors.put("dueDay", "progress.cadence.dueDayRange");
        }
        if (graceDays < 0 || graceDays > 60) {
            errors.put("graceDays", "progress.cadence.graceRange");
        }
        if (s.kind() == CadenceKind.CUSTOM) {
            if (s.customDueDates().isEmpty()) {
                errors.put("customDueDates", "progress.cadence.datesRequired");
            } else if (s.customDueDates().size() > MAX_CUSTOM_DATES) {
                errors.put("customDueDates", "progress.cadence.tooManyDates");
            } else if (s.startsOn() != null && s.startsOn().isAfter(s.customDueDates().get(s.customDueDates().size() - 1))) {
                errors.put("startsOn", "progress.cadence.startsAfterDates");
            }
        }
        if (s.startsOn() != null && s.startsOn().isAfter(today.plusYears(1))) {
            errors.put("startsOn", "progress.cadence.startsTooLate");
        }
        if (!errors.isEmpty()) {
            throw new ReportInvalid(errors);
        }
        return new CadenceSettings(s.kind(), dueDay, graceDays, s.approvalRequired(), s.startsOn(), s.customDueDates());
    }

    static ReportingCycle toCycle(Record r) {
        return new ReportingCycle(r.get(REPORTING_CYCLE.ID), r.get(REPORTING_CYCLE.PLAN_ID),
                CadenceKind.valueOf(r.get(REPORTING_CYCLE.KIND)), r.get(REPORTING_CYCLE.SEQ),
                r.get(REPORTING_CYCLE.PERIOD_START), r.get(REPORTING_CYCLE.PERIOD_END), r.get(REPORTING_CYCLE.DUE_ON),
                r.get(REPORTING_CYCLE.GRACE_UNTIL));
    }
}
