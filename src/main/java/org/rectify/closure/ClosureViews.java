package org.rectify.closure;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.plans.Indicator;
import org.rectify.plans.Milestone;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.platform.WorkingCalendar.DayCount;
import org.rectify.progress.Evidences;
import org.rectify.progress.IndicatorHistory;
import org.rectify.progress.ProgressViews;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.rectify.closure.internal.db.Tables.CLOSURE;
import static org.rectify.closure.internal.db.Tables.CLOSURE_ANSWER;
import static org.rectify.closure.internal.db.Tables.CLOSURE_EVIDENCE;
import static org.rectify.closure.internal.db.Tables.CLOSURE_OBJECTION;
import static org.rectify.closure.internal.db.Tables.CLOSURE_SETTINGS;
import static org.rectify.closure.internal.db.Tables.CLOSURE_VERIFICATION;
import static org.rectify.plans.api.Tables.PLANS_TASK;

/**
 * Closure attempts as their readers see them, under the same scope rules as their tasks: whoever sees the task sees
 * its attempts, and the acceptance unit sees the attempt it verifies; anything else is "not found". Objectors'
 * contacts only for the office running the plan.
 */
@Service
@Transactional(readOnly = true)
public class ClosureViews {

    static final Condition IN_FLIGHT = CLOSURE.STAGE.notIn("RETURNED", "CLOSED", "CONFIRMED");

    private final DSLContext db;
    private final TaskLedger ledger;
    private final Plans plans;
    private final Units units;
    private final ProgressViews progress;
    private final org.rectify.progress.ProgressReports reports;
    private final Clock clock;
    private final Evidences evidences;
    private final PlanShortNames shortNames;

    ClosureViews(DSLContext db, TaskLedger ledger, Plans plans, Units units, ProgressViews progress,
                 org.rectify.progress.ProgressReports reports, Clock clock, Evidences evidences, PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.evidences = evidences;
        this.reports = reports;
        this.db = db;
        this.ledger = ledger;
        this.plans = plans;
        this.units = units;
        this.progress = progress;
        this.clock = clock;
    }

    /** The closure's task as named outside its plan: {@code 临沧2018·三(一)}. */
    public String taskLabel(ClosureDetail closure) {
        return taskLabel(closure.taskId(), closure.taskRef());
    }

    /** A task as named outside its plan: {@code 临沧2018·三(一)}. */
    public String taskLabel(long taskId, String ref) {
        return shortNames.label(taskId, ref);
    }

    public ClosureDetail get(long closureId, Caller caller) {
        Record r = attempts().where(CLOSURE.ID.eq(closureId).and(readableBy(caller)))
                .fetchOptional().orElseThrow(() -> new ClosureNotFound(closureId));
        boolean office = ledger.isGovernedBy(r.get(CLOSURE.TASK_ID), caller);
        return detail(r, office);
    }

    /** Attempts with their task's plan, reference and title, as {@link #detail} reads them. */
    private org.jooq.SelectOnConditionStep<Record> attempts() {
        return db.select(CLOSURE.asterisk()).select(PLANS_TASK.PLAN_ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT).from(CLOSURE)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(CLOSURE.TASK_ID));
    }

    /** Whoever sees the task, and the acceptance unit (noCondition() would swallow the OR: administrators see all). */
    private static Condition readableBy(Caller caller) {
        return caller.scope().isAll() ? org.jooq.impl.DSL.trueCondition()
                : TaskConditions.PUBLISHED.visibleTo(caller.scope()).or(CLOSURE.ACCEPTANCE_UNIT_ID.eq(caller.unitId()));
    }

    /** The attempt for the public page: only while it is under notice, and never an objector's contact. */
    public java.util.Optional<ClosureDetail> underNotice(long closureId) {
        return attempts().where(CLOSURE.ID.eq(closureId).and(CLOSURE.STAGE.eq(ClosureStage.UNDER_NOTICE.name())))
                .fetchOptional().map(r -> detail(r, false));
    }

    /** The attempts under notice today, for the public page that lists them (the same lines whoever asks). */
    public List<ClosureUnderNotice> allUnderNotice() {
        var rows = db.select(CLOSURE.ID, CLOSURE.TASK_ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, CLOSURE.NOTICE_FROM,
                        CLOSURE.NOTICE_UNTIL).from(CLOSURE)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(CLOSURE.TASK_ID))
                .where(CLOSURE.STAGE.eq(ClosureStage.UNDER_NOTICE.name()).and(CLOSURE.NOTICE_UNTIL.ge(today())))
                .orderBy(CLOSURE.NOTICE_UNTIL, CLOSURE.ID).limit(200).fetch();
        PlanShortNames.TaskLabels labels = shortNames.labels(rows.map(r -> r.get(CLOSURE.TASK_ID)));
        return rows.map(r -> new ClosureUnderNotice(r.get(CLOSURE.ID), r.get(CLOSURE.TASK_ID), r.get(PLANS_TASK.REF),
                labels.of(r.get(CLOSURE.TASK_ID), r.get(PLANS_TASK.REF)),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), r.get(CLOSURE.NOTICE_FROM),
                r.get(CLOSURE.NOTICE_UNTIL)));
    }

    /** The lead units of a task as the plan names them, for pages that show an attempt. */
    public List<String> leadUnits(long taskId) {
        return ledger.leadUnitNames(List.of(taskId)).getOrDefault(taskId, List.of());
    }

    /** Every attempt on a task, newest first. */
    public List<ClosureDetail> ofTask(long taskId, Caller caller) {
        ledger.get(taskId, caller.scope());
        boolean office = ledger.isGovernedBy(taskId, caller);
        return attempts().where(CLOSURE.TASK_ID.eq(taskId)).orderBy(CLOSURE.ATTEMPT.desc())
                .fetch(r -> detail(r, office));
    }

    /**
     * The desk: attempts the caller deals with, by stage. The office (and supervisors, leaders) those of the plans
     * it governs; unit staff and heads their units' own applications and the ones their unit verifies.
     */
    public ListPage<ClosureSummary> desk(Caller caller, boolean includeEnded, Paging paging) {
        return deskByStage(caller, includeEnded, paging).page();
    }

    /** The desk's page with how many attempts of the whole desk (every page) stand at each stage. */
    public record Desk(ListPage<ClosureSummary> page, Map<ClosureStage, Integer> perStage) {
    }

    /**
     * {@link #desk}, with the attempts of its whole filter counted by stage in the one statement that counts its total
     * (a page's stage headings say how many attempts of the desk stand there, not how many of this page).
     */
    public Desk deskByStage(Caller caller, boolean includeEnded, Paging paging) {
        Condition which = deskScope(caller).and(includeEnded ? org.jooq.impl.DSL.noCondition() : IN_FLIGHT);
        Map<ClosureStage, Integer> perStage = new java.util.EnumMap<>(ClosureStage.class);
        db.select(CLOSURE.STAGE, org.jooq.impl.DSL.count()).from(CLOSURE).join(PLANS_TASK).on(PLANS_TASK.ID.eq(CLOSURE.TASK_ID))
                .where(which).groupBy(CLOSURE.STAGE)
                .forEach(r -> perStage.put(ClosureStage.valueOf(r.value1()), r.value2()));
        long total = perStage.values().stream().mapToLong(Integer::longValue).sum();
        return new Desk(paging.fetch(total, p -> deskRows(caller, includeEnded, p).stream().map(DeskRow::summary).toList()),
                perStage);
    }

    /** What {@link #awaiting} reads for the to-do: the 500 attempts longest at their stage, as before the desk was paged. */
    private static final Paging TO_DO = new Paging(0, 500);

    /** A desk line with what the caller is to it and the plan it belongs to, read in the desk's one query. */
    private record DeskRow(ClosureSummary summary, long planId, ClosurePolicy.Standing standing) {
    }

    /** The attempts on the caller's desk: its units' own (unit roles) or its plans' (offices), and those its unit verifies. */
    private static Condition deskScope(Caller caller) {
        Condition own = caller.role().isUnitRole() ? TaskConditions.PUBLISHED.ledFrom(caller.scope().unitPath())
                : TaskConditions.PUBLISHED.governedBy(caller);
        return own.or(CLOSURE.ACCEPTANCE_UNIT_ID.eq(caller.unitId()));
    }

    /** The desk's rows in their order (longest at its stage first): {@code paging}'s page. */
    private List<DeskRow> deskRows(Caller caller, boolean includeEnded, Paging paging) {
        Condition leads = caller.role().isUnitRole() ? TaskConditions.PUBLISHED.ledFrom(caller.scope().unitPath())
                : org.jooq.impl.DSL.falseCondition();
        Condition governs = TaskConditions.PUBLISHED.governedBy(caller);
        Condition scope = deskScope(caller);
        var open = org.jooq.impl.DSL.field(org.jooq.impl.DSL.selectCount().from(CLOSURE_OBJECTION)
                .where(CLOSURE_OBJECTION.CLOSURE_ID.eq(CLOSURE.ID).and(CLOSURE_OBJECTION.UPHELD.isNull())));
        var leadsField = org.jooq.impl.DSL.field(leads).as("leads");
        var governsField = org.jooq.impl.DSL.field(governs).as("governs");
        var rows = db.select(CLOSURE.ID, CLOSURE.TASK_ID, PLANS_TASK.PLAN_ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, CLOSURE.ATTEMPT,
                        CLOSURE.KIND, CLOSURE.STAGE, CLOSURE.UPDATED_AT, CLOSURE.NOTICE_UNTIL, CLOSURE.NUMBER, open.as("open"),
                        CLOSURE.ACCEPTANCE_UNIT_ID, leadsField, governsField)
                .from(CLOSURE).join(PLANS_TASK).on(PLANS_TASK.ID.eq(CLOSURE.TASK_ID))
                .where(scope.and(includeEnded ? org.jooq.impl.DSL.noCondition() : IN_FLIGHT))
                .orderBy(CLOSURE.UPDATED_AT, CLOSURE.ID).limit(paging.size()).offset(paging.offset()).fetch();
        Map<Long, List<String>> leadNames = ledger.leadUnitNames(rows.map(r -> r.get(CLOSURE.TASK_ID)));
        Instant now = clock.instant();
        return rows.map(r -> {
            Instant since = r.get(CLOSURE.UPDATED_AT).toInstant();
            Long acceptanceUnitId = r.get(CLOSURE.ACCEPTANCE_UNIT_ID);
            var summary = new ClosureSummary(r.get(CLOSURE.ID), r.get(CLOSURE.TASK_ID), r.get(PLANS_TASK.REF),
                    TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)),
                    leadNames.getOrDefault(r.get(CLOSURE.TASK_ID), List.of()), r.get(CLOSURE.ATTEMPT),
                    ClosureKind.valueOf(r.get(CLOSURE.KIND)), ClosureStage.valueOf(r.get(CLOSURE.STAGE)), since,
                    Duration.between(since, now).toDays(), r.get(CLOSURE.NOTICE_UNTIL), r.get(CLOSURE.NUMBER),
                    r.get("open", Integer.class), acceptanceUnitId);
            var standing = new ClosurePolicy.Standing(r.get(leadsField), r.get(governsField),
                    acceptanceUnitId != null && acceptanceUnitId == caller.unitId());
            return new DeskRow(summary, r.get(PLANS_TASK.PLAN_ID), standing);
        });
    }

    /**
     * The evidence files of the task's submitted reports the caller may read, once each, oldest report first: what an
     * application may cite instead of uploading the same files again.
     */
    public List<org.rectify.progress.EvidenceFile> earlierEvidence(long taskId, Caller caller) {
        Map<Long, org.rectify.progress.EvidenceFile> files = new java.util.LinkedHashMap<>();
        for (org.rectify.progress.ReportDetail report : reports.versionsOf(taskId, caller)) {
            report.attachments().stream().filter(a -> !a.isLink()).forEach(a -> files.putIfAbsent(a.file().id(), a.file()));
        }
        return List.copyOf(files.values());
    }

    /** How many attempts stand at each stage, over the tasks the caller governs (the dashboard's closure panel). */
    public Map<ClosureStage, Integer> countsByStage(Caller caller) {
        Map<ClosureStage, Integer> counts = new java.util.EnumMap<>(ClosureStage.class);
        for (ClosureStage stage : ClosureStage.values()) {
            counts.put(stage, 0);
        }
        db.select(CLOSURE.STAGE, org.jooq.impl.DSL.count()).from(CLOSURE).join(PLANS_TASK).on(PLANS_TASK.ID.eq(CLOSURE.TASK_ID))
                .where(TaskConditions.PUBLISHED.governedBy(caller)).groupBy(CLOSURE.STAGE)
                .forEach(r -> counts.put(ClosureStage.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /**
     * The attempts waiting on the caller now (for the to-do list): those whose next step forward the caller may take
     * (sign off, name the acceptance unit, verify, approve), and under notice those with an objection to answer or a
     * notice that has run its course, to close.
     */
    public List<ClosureSummary> awaiting(Caller caller) {
        LocalDate today = today();
        List<DeskRow> rows = deskRows(caller, false, TO_DO);
        Map<Long, ClosureSettings> settings = settings(rows.stream().map(DeskRow::planId).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().filter(row -> {
            ClosureSummary c = row.summary();
            ClosureCommand next = ClosureCommand.forward(c.stage());
            if (next == null || !ClosurePolicy.mayTake(caller, next, c.stage(), row.standing(),
                    settings.get(row.planId()).approver())) {
                return false;
            }
            return next != ClosureCommand.CLOSE || c.openObjections() > 0 || today.isAfter(c.noticeUntil());
        }).map(DeskRow::summary).toList();
    }

    /** The lines of the application form: each deadline deliverable, each indicator with its last value, each condition. */
    public List<ClosureItem> items(TaskDetail task, Caller caller) {
        List<ClosureItem> items = new ArrayList<>();
        for (Milestone m : task.milestones()) {
            items.add(new ClosureItem(ClosureItem.Kind.MILESTONE, m.deliverable(), m.dueOn() == null ? null : m.dueOn().toString(), null));
        }
        Map<String, String> last = new java.util.HashMap<>();
        if (!task.indicators().isEmpty()) {
            for (IndicatorHistory.Series s : progress.indicators(task.id(), caller).series()) {
                if (!s.points().isEmpty()) {
                    IndicatorHistory.Point p = s.points().get(s.points().size() - 1);
                    last.put(s.name(), p.value().stripTrailingZeros().toPlainString()
                            + (p.unitOfMeasure() == null ? "" : " " + p.unitOfMeasure()) + "（" + p.asOf() + "）");
                }
            }
        }
        for (Indicator i : task.indicators()) {
            String target = i.comparator().symbol + " " + i.targetValue().stripTrailingZeros().toPlainString()
                    + (i.unitOfMeasure() == null ? "" : " " + i.unitOfMeasure());
            items.add(new ClosureItem(ClosureItem.Kind.INDICATOR, i.name(), target, last.get(i.name())));
        }
        for (String condition : settings(task.planId()).conditions()) {
            items.add(new ClosureItem(ClosureItem.Kind.CONDITION, condition, null, null));
        }
        return items;
    }

    public ClosureSettings settings(long planId) {
        return settings(List.of(planId)).get(planId);
    }

    /** The closure rules of these plans, in one query; a plan that never set its own has the defaults. */
    Map<Long, ClosureSettings> settings(java.util.Collection<Long> planIds) {
        Map<Long, ClosureSettings> settings = new java.util.HashMap<>();
        db.selectFrom(CLOSURE_SETTINGS).where(CLOSURE_SETTINGS.PLAN_ID.in(planIds)).forEach(s -> settings.put(s.getPlanId(),
                new ClosureSettings(Arrays.stream(s.getConditions().split("\n")).map(String::strip)
                        .filter(x -> !x.isEmpty()).toList(), s.getHeadSignOff(), ClosureApprover.valueOf(s.getApprover()),
                        s.getNoticeDays(), DayCount.valueOf(s.getNoticeDayCount()))));
        planIds.forEach(id -> settings.putIfAbsent(id, ClosureSettings.defaults()));
        return settings;
    }

    /** What the caller is to a task's attempt, for {@link ClosurePolicy}. */
    public ClosurePolicy.Standing standing(long taskId, Long acceptanceUnitId, Caller caller) {
        boolean leads = caller.role().isUnitRole() && ledger.isLedFrom(taskId, caller.scope().unitPath());
        return new ClosurePolicy.Standing(leads, ledger.isGovernedBy(taskId, caller),
                acceptanceUnitId != null && acceptanceUnitId == caller.unitId());
    }

    /** Whether the caller may take the step on the attempt, the stage's own rule aside (see {@link ClosurePolicy#mayTake}). */
    boolean mayTake(ClosureDetail c, ClosureCommand command, Caller caller) {
        return ClosurePolicy.mayTake(caller, command, c.stage(), standing(c.taskId(), c.acceptanceUnitId(), caller),
                settings(c.planId()).approver());
    }

    /** Whether the caller may take the step at some stage it is taken from (not only at the attempt's stage now). */
    boolean mayEverTake(ClosureDetail c, ClosureCommand command, Caller caller) {
        ClosurePolicy.Standing standing = standing(c.taskId(), c.acceptanceUnitId(), caller);
        ClosureApprover approver = settings(c.planId()).approver();
        return java.util.Arrays.stream(ClosureStage.values()).filter(command::allowedFrom)
                .anyMatch(stage -> ClosurePolicy.mayTake(caller, command, stage, standing, approver));
    }

    /** The steps the caller may take on the attempt now (the buttons of its page). */
    public java.util.Set<ClosureCommand> steps(ClosureDetail c, Caller caller) {
        return ClosurePolicy.steps(caller, c.stage(), standing(c.taskId(), c.acceptanceUnitId(), caller),
                settings(c.planId()).approver());
    }

    /**
     * The unit whose office runs the attempt's plan: it closes the task, signs the notice and answers objections
     * (empty for a plan without one, which administrators run).
     */
    public java.util.Optional<Long> officeUnit(ClosureDetail c) {
        return plans.ownerUnitId(c.planId());
    }

    long existingUnit(long unitId) {
        if (units.find(unitId).isEmpty()) {
            throw unknownUnit();
        }
        return unitId;
    }

    static InvalidInputException unknownUnit() {
        return new InvalidInputException(Map.of("acceptanceUnitId", "closure.unknownUnit"), "closure.unknownUnit");
    }

    private ClosureDetail detail(Record r, boolean office) {
        long id = r.get(CLOSURE.ID);
        var answers = db.selectFrom(CLOSURE_ANSWER).where(CLOSURE_ANSWER.CLOSURE_ID.eq(id)).orderBy(CLOSURE_ANSWER.POSITION)
                .fetch(a -> new ClosureDetail.Answer(ClosureItem.Kind.valueOf(a.getKind()), a.getSubject(), a.getTarget(),
                        a.getLastValue(), a.getAchieved(), a.getText()));
        var verifications = db.selectFrom(CLOSURE_VERIFICATION).where(CLOSURE_VERIFICATION.CLOSURE_ID.eq(id))
                .orderBy(CLOSURE_VERIFICATION.ID)
                .fetch(v -> new ClosureDetail.Verification(v.getId(), v.getVerifiedOn(), v.getMembers(),
                        VerificationMethod.valueOf(v.getMethod()), v.getFindings(), v.getPassed(), v.getRecordedBy(),
                        v.getRecordedAt().toInstant()));
        var links = db.selectFrom(CLOSURE_EVIDENCE).where(CLOSURE_EVIDENCE.CLOSURE_ID.eq(id))
                .orderBy(CLOSURE_EVIDENCE.VERIFICATION_ID.nullsFirst(), CLOSURE_EVIDENCE.POSITION).fetch();
        var recorded = evidences.files(links.map(l -> l.getEvidenceId()));
        var files = links.map(l -> new ClosureDetail.File(recorded.get(l.getEvidenceId()), l.getVerificationId(),
                l.getTakenAt(), l.getTakenLat(), l.getTakenLon()));
        var objections = db.selectFrom(CLOSURE_OBJECTION).where(CLOSURE_OBJECTION.CLOSURE_ID.eq(id)).orderBy(CLOSURE_OBJECTION.ID)
                .fetch(o -> new ClosureDetail.Objection(o.getId(), o.getText(), office ? o.getContact() : null,
                        o.getEvidenceId(), o.getReceivedAt().toInstant(), o.getUpheld(), o.getAnswer(), o.getAnsweredBy(),
                        o.getAnsweredAt() == null ? null : o.getAnsweredAt().toInstant()));
        Long acceptanceUnitId = r.get(CLOSURE.ACCEPTANCE_UNIT_ID);
        String acceptanceUnit = acceptanceUnitId == null ? null : units.find(acceptanceUnitId).map(Unit::name).orElse(null);
        return new ClosureDetail(id, r.get(CLOSURE.TASK_ID), r.get(PLANS_TASK.PLAN_ID), r.get(PLANS_TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), r.get(CLOSURE.ATTEMPT),
                ClosureKind.valueOf(r.get(CLOSURE.KIND)), ClosureStage.valueOf(r.get(CLOSURE.STAGE)), r.get(CLOSURE.VERSION),
                r.get(CLOSURE.STATEMENT), r.get(CLOSURE.APPLICANT), instant(r.get(CLOSURE.APPLIED_AT)),
                r.get(CLOSURE.SIGNED_OFF_BY), instant(r.get(CLOSURE.SIGNED_OFF_AT)), r.get(CLOSURE.ACCEPTANCE_UNIT_ID),
                acceptanceUnit, r.get(CLOSURE.ON_SITE_REQUIRED), r.get(CLOSURE.APPROVED_BY), instant(r.get(CLOSURE.APPROVED_AT)),
                r.get(CLOSURE.NOTICE_FROM), r.get(CLOSURE.NOTICE_UNTIL), r.get(CLOSURE.RETURNED_BY),
                instant(r.get(CLOSURE.RETURNED_AT)), r.get(CLOSURE.RETURNED_REASON), r.get(CLOSURE.CLOSED_BY),
                instant(r.get(CLOSURE.CLOSED_AT)), r.get(CLOSURE.NUMBER), r.get(CLOSURE.LAST_ACTOR),
                instant(r.get(CLOSURE.UPDATED_AT)), answers, verifications, files, objections);
    }

    private static Instant instant(java.time.OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** Today in the offices' time zone, the day notice periods count in. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }
}
