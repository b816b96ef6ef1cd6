package org.rectify.progress;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.Tasks;
import org.rectify.progress.ReportAccess.Loaded;
import org.rectify.progress.ReportLifecycle.Refusal;
import org.rectify.progress.ReportLifecycle.Situation;
import org.rectify.progress.internal.db.tables.records.ProgressReportRecord;
import org.rectify.progress.internal.db.tables.records.ReportEventRecord;
import org.rectify.progress.internal.db.tables.records.ReportSlotRecord;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.rectify.progress.ReportLifecycle.APPROVE;
import static org.rectify.progress.ReportLifecycle.CONTRIBUTE;
import static org.rectify.progress.ReportLifecycle.CREATE;
import static org.rectify.progress.ReportLifecycle.NEW_VERSION;
import static org.rectify.progress.ReportLifecycle.RETURN_TO_UNIT;
import static org.rectify.progress.ReportLifecycle.SAVE;
import static org.rectify.progress.ReportLifecycle.SEND_BACK;
import static org.rectify.progress.ReportLifecycle.SUBMIT;

/**
 * The commands on progress reports, and reading them. A lead unit's staff (or head) write a report on a task for a
 * cycle; where the plan requires it the unit head approves it before it counts as submitted; the office may return
 * a submitted report with comments; a correction is a new version. A submitted version never changes. Every state
 * change is recorded in the report's history and published as an event, in the same transaction.
 * <p>
 * Orchestration only: it loads the report in the caller's scope ({@link ReportAccess}), asks {@link ReportLifecycle}
 * whether the command is allowed and where it leads, writes through {@link ReportStore}, reads through
 * {@link ReportDetails}, and publishes.
 */
@Service
@Transactional
public class ProgressReports {

    private final TaskLedger ledger;
    private final Units units;
    private final ReportingCycles cycles;
    private final Evidences evidences;
    private final ReportAccess access;
    private final ReportStore store;
    private final ReportDetails details;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Tasks tasks;

    ProgressReports(TaskLedger ledger, Units units, ReportingCycles cycles, Evidences evidences, ReportAccess access,
                    ReportStore store, ReportDetails details, ApplicationEventPublisher events, Clock clock, Tasks tasks) {
        this.ledger = ledger;
        this.units = units;
        this.cycles = cycles;
        this.evidences = evidences;
        this.access = access;
        this.store = store;
        this.details = details;
        this.events = events;
        this.clock = clock;
        this.tasks = tasks;
    }

    // ---- writing

    /**
     * Checks a first report before any file is streamed: the task in scope, the caller's unit a lead unit, the cycle
     * begun, nothing reported yet for it, the content complete. Refuses as {@link #create} would; writes nothing.
     */
    @Transactional(readOnly = true)
    public void check(NewReport report, Caller caller) {
        Target target = target(report, caller);
        ReportLifecycle.Version existing = store.slot(target.cycle.id(), target.task.id(), target.unit.id())
                .map(slot -> details.status(slot, target.cycle)).map(ProgressReports::latestOf).orElse(null);
        CREATE.refusal(situation(target, caller, existing)).ifPresent(r -> {
            throw r == Refusal.ALREADY_REPORTED ? alreadyReported(target) : refused(r, 0, null);
        });
        ReportRules.check(report.content(), target.task, ReportingCycles.today(clock));
    }

    /** Writes a first report for a cycle, as a draft or submitted at once; 409 when the cycle already has one. */
    public ReportDetail create(NewReport report, List<NewAttachment> files, Caller caller) {
        Target target = target(report, caller);
        ReportContent content = report.content();
        ReportRules.check(content, target.task, ReportingCycles.today(clock));
        Instant now = clock.instant();
        boolean withParts = !content.measurements().isEmpty() || !content.obligationRecords().isEmpty()
                || !content.links().isEmpty() || !files.isEmpty();
        Optional<ReportStore.FirstReport> opened = openFirstReport(target, content, report.submit(), withParts, caller, now);
        if (opened.isEmpty() && target.asRead != null) {
            // the cycle as kept on this node changed since (the plan's cadence set on another node): read it again
            cycles.forgetKept();
            target = Target.of(target.task, target.unit, access.openCycleWithApproval(target.task, report.cycleId(), false), false);
            opened = openFirstReport(target, content, report.submit(), withParts, caller, now);
        }
        if (opened.isEmpty()) {
            throw alreadyReported(target);
        }
        ReportStore.FirstReport draft = opened.get();
        boolean counts = report.submit() && countsAtOnce(target, caller);
        boolean submittedNow = counts && !withParts;
        long reportId = draft.report().getId();
        List<ReportEventRecord> recorded = draft.recorded();
        if (withParts) {
            store.attach(reportId, store.writeContent(reportId, content, target.task, List.of()), files, caller);
        }
        events.publishEvent(new ReportDrafted(reportId, target.task.id(), target.unit.id(), target.cycle.id(), 1, null,
                caller.signature(), now));
        // the answer from what this command wrote (the slot is new, locked by its insert: no one else wrote to it);
        // measurements, obligation records and files read back only when there are some
        if (counts) {
            ProgressReportRecord version = submittedNow ? draft.report()
                    : store.setStatus(reportId, VersionStatus.DRAFT, VersionStatus.SUBMITTED, caller, now);
            Loaded submitted = new Loaded(version, draft.slot(), target.task, target.unit, target.cycle, target.approvalRequired);
            counted(submitted, target.lastEnded, caller, now);
            return firstVersion(submitted, withParts, recorded, draft.contributed());
        }
        // the draft as this command wrote it (its slot locked by the insert, its reader the writer): nothing read back
        Loaded written = new Loaded(draft.report(), draft.slot(), target.task, target.unit, target.cycle,
                target.approvalRequired);
        return report.submit() ? submit(written, caller) : firstVersion(written, withParts, recorded, draft.contributed());
    }

    /**
     * Slot, version and history in one statement, whose slot insert decides whether the cycle has a report already (two
     * first reports at once: one wins). A draft the lifecycle lets count at once has its slot written submitted with
     * it, and both steps of its history (the version itself is submitted after its parts: they freeze with it); a
     * version without parts is written submitted at once (one write of its row, not a draft and then an update).
     */
    private Optional<ReportStore.FirstReport> openFirstReport(Target t, ReportContent content, boolean submit, boolean withParts,
                                                              Caller caller, Instant now) {
        boolean counts = submit && countsAtOnce(t, caller);
        return store.openFirstReport(t.cycle.id(), t.task.id(), t.unit.id(), t.asRead, content, caller, counts,
                counts && !withParts, now);
    }

    /** Whether the lifecycle lets a new draft of the caller's count as submitted at once (no approval to wait for). */
    private static boolean countsAtOnce(Target t, Caller caller) {
        Situation draft = new Situation(ReportAccess.who(caller, t.unit, false),
                ReportingCycles.REPORTING.contains(t.task.status()), t.approvalRequired,
                new ReportLifecycle.Version(VersionStatus.DRAFT, true, false, false));
        return SUBMIT.refusal(draft).isEmpty() && SUBMIT.target(draft) == VersionStatus.SUBMITTED;
    }

    /** Checks an edit of a draft before any file is streamed; writes nothing. */
    @Transactional(readOnly = true)
    public void checkUpdate(long reportId, ReportContent content, Caller caller) {
        Loaded l = access.load(reportId, caller, false);
        require(SAVE, l.situation(caller), l.report());
        ReportRules.check(content, l.task(), ReportingCycles.today(clock));
    }

    /**
     * Saves a draft's content: measurements and links are replaced, obligation records kept by id (with their
     * minutes), files added, and the attachments named in {@code removeAttachmentIds} removed.
     */
    public ReportDetail update(long reportId, ReportContent content, List<NewAttachment> files,
                               Collection<Long> removeAttachmentIds, Caller caller) {
        Loaded l = access.load(reportId, caller, true);
        require(SAVE, l.situation(caller), l.report());
        ReportRules.check(content, l.task(), ReportingCycles.today(clock));
        Instant now = clock.instant();
        store.attach(reportId, store.saveContent(reportId, content, l.task(), removeAttachmentIds, now), files, caller);
        store.record(l.slot().getId(), reportId, l.report().getVersion(), ReportStep.SAVED, caller, null, now);
        events.publishEvent(new ReportEdited(reportId, l.task().id(), List.of(), caller.signature(), now));
        return get(reportId, caller);
    }

    /** Adds files to a draft (the API's upload), to the report or to one of its obligation records. */
    public ReportDetail attachFiles(long reportId, Long obligationRecordId, List<StagedFile> files, Caller caller) {
        Loaded l = access.load(reportId, caller, true);
        require(SAVE, l.situation(caller), l.report());
        if (obligationRecordId != null && !store.obligationRecordIn(reportId, obligationRecordId)) {
            throw new ReportInvalid("obligationRecordId", "progress.obligation.notInReport");
        }
        List<Long> attached = store.attach(reportId, obligationRecordId, files, caller);
        Instant now = clock.instant();
        store.record(l.slot().getId(), reportId, l.report().getVersion(), ReportStep.SAVED, caller, null, now);
        events.publishEvent(new ReportEdited(reportId, l.task().id(), attached, caller.signature(), now));
        return get(reportId, caller);
    }

    /**
     * Submits a draft: it counts as submitted at once, or, where the plan requires the head's approval and the
     * caller is staff, waits for the head.
     */
    public ReportDetail submit(long reportId, Caller caller) {
        return submit(access.load(reportId, caller, true), caller);
    }

    /** {@link #submit} of a draft loaded for update (or just written by this command). */
    private ReportDetail submit(Loaded l, Caller caller) {
        long reportId = l.report().getId();
        Situation s = l.situation(caller);
        require(SUBMIT, s, l.report());
        if (SUBMIT.target(s) != VersionStatus.AWAITING_APPROVAL) {
            return detail(markSubmitted(l, VersionStatus.DRAFT, caller));
        }
        Instant now = clock.instant();
        store.setStatus(reportId, VersionStatus.DRAFT, VersionStatus.AWAITING_APPROVAL, null, now);
        moveSlot(SUBMIT, s, l, now);
        store.record(l.slot().getId(), reportId, l.report().getVersion(), ReportStep.SENT_FOR_APPROVAL, caller, null, now);
        events.publishEvent(new ReportSentForApproval(reportId, l.task().id(), l.unit().id(), l.cycle().id(),
                l.report().getVersion(), caller.signature(), now));
        return detail(access.load(reportId, caller, false, l.task()));
    }

    /** The unit head approves a report awaiting approval: it counts as submitted now. */
    public ReportDetail approve(long reportId, Caller caller) {
        Loaded l = access.load(reportId, caller, true);
        require(APPROVE, l.situation(caller), l.report());
        Instant now = clock.instant();
        store.record(l.slot().getId(), reportId, l.report().getVersion(), ReportStep.APPROVED, caller, null, now);
        events.publishEvent(new ReportApproved(reportId, l.task().id(), l.unit().id(), l.cycle().id(), l.report().getVersion(),
                caller.signature(), now));
        markSubmitted(l, VersionStatus.AWAITING_APPROVAL, caller);
        return get(reportId, caller);
    }

    /** The unit head sends a report awaiting approval back to the staff as a draft, saying why. */
    public ReportDetail sendBack(long reportId, String comment, Caller caller) {
        Loaded l = access.load(reportId, caller, true);
        Situation s = l.situation(caller);
        require(SEND_BACK, s, l.report());
        String why = comment(SEND_BACK, comment);
        Instant now = clock.instant();
        store.setStatus(reportId, VersionStatus.AWAITING_APPROVAL, SEND_BACK.target(s), null, now);
        moveSlot(SEND_BACK, s, l, now);
        store.record(l.slot().getId(), reportId, l.report().getVersion(), ReportStep.SENT_BACK, caller, why, now);
        events.publishEvent(new ReportSentBack(reportId, l.task().id(), l.unit().id(), l.cycle().id(), l.report().getVersion(),
                why, caller.signature(), now));
        return get(reportId, caller);
    }

    /** The office returns the submitted report of a cycle to the unit with comments; the unit corrects it in a new version. */
    public ReportDetail returnToUnit(long reportId, String comment, Caller caller) {
        Loaded l = access.load(reportId, caller, true);
        Situation s = l.situation(caller);
        require(RETURN_TO_UNIT, s, l.report());
        String why = comment(RETURN_TO_UNIT, comment);
        Instant now = clock.instant();
        moveSlot(RETURN_TO_UNIT, s, l, now);
        store.record(l.slot().getId(), reportId, l.report().getVersion(), ReportStep.RETURNED, caller, why, now);
        events.publishEvent(new ReportReturned(reportId, l.task().id(), l.unit().id(), l.cycle().id(), l.report().getVersion(),
                why, caller.signature(), now));
        return get(reportId, caller);
    }

    /**
     * Starts a correction: a new draft version copying the cycle's latest, submitted version (content, measurements,
     * obligation records, files and links), which supersedes it once submitted. 409 while a newer version is open.
     */
    public ReportDetail newVersion(long reportId, Caller caller) {
        Loaded l = access.load(reportId, caller, true);
        long latestId = l.slot().getLatestReportId();
        // given on any version of the cycle's report, the command acts on its latest one
        ProgressReportRecord latest = latestId == reportId ? l.report() : store.report(latestId).orElseThrow();
        require(NEW_VERSION, l.situation(caller, latest), latest);
        Instant now = clock.instant();
        long copyId = store.copyAsNewVersion(latest, caller.signature(), now);
        int version = latest.getVersion() + 1;
        store.record(l.slot().getId(), copyId, version, ReportStep.DRAFTED, caller, null, now);
        events.publishEvent(new ReportDrafted(copyId, l.task().id(), l.unit().id(), l.cycle().id(), version, latest.getId(),
                caller.signature(), now));
        return get(copyId, caller);
    }

    /** A supporting unit adds its contribution (text and files) to a lead unit's report of a cycle. */
    public long contribute(NewContribution c, List<StagedFile> files, Caller caller) {
        TaskDetail task = access.task(c.taskId(), caller);
        Optional<Unit> unit = access.supportingUnit(task, caller);
        requireContributor(task, unit, caller);
        List<Long> leads = task.leadUnitIds();
        if (leads.isEmpty()) {
            throw new ReportConflict("progress.report.taskNotReporting");
        }
        long lead = c.leadUnitId() == null ? leads.get(0) : c.leadUnitId();
        if (!leads.contains(lead)) {
            throw new ReportInvalid("leadUnitId", "progress.contribution.notLeadUnit");
        }
        ReportingCycle cycle = access.openCycle(task, c.cycleId());
        requireText(c);
        if (c.text().length() > ReportRules.MAX_TEXT) {
            throw new ReportInvalid("text", "progress.report.tooLong");
        }
        Instant now = clock.instant();
        long id = store.insertContribution(cycle.id(), task.id(), lead, unit.orElseThrow().id(), c.text().strip(), files,
                caller, now);
        events.publishEvent(new ReportContributed(id, task.id(), cycle.id(), lead, unit.get().id(), caller.signature(), now));
        return id;
    }

    /** Checks a contribution before any file is streamed; writes nothing. */
    @Transactional(readOnly = true)
    public void checkContribution(NewContribution c, Caller caller) {
        TaskDetail task = access.task(c.taskId(), caller);
        requireContributor(task, access.supportingUnit(task, caller), caller);
        access.openCycle(task, c.cycleId());
        requireText(c);
    }

    // ---- reading

    @Transactional(readOnly = true)
    public ReportDetail get(long reportId, Caller caller) {
        return detail(access.load(reportId, caller, false));
    }

    /** The report a lead unit made on a task for a cycle (its latest version), if any and if the caller may read it. */
    @Transactional(readOnly = true)
    public Optional<ReportDetail> find(long taskId, long unitId, long cycleId, Caller caller) {
        return store.latestReportId(cycleId, taskId, unitId).map(id -> get(id, caller));
    }

    /**
     * The reports of a task the caller reads, every version and draft included, by the same rule as the report pages
     * ({@link ReportAccess#mayRead}); none when the caller does not see the task.
     */
    @Transactional(readOnly = true)
    public ReadableReports readableReports(long taskId, Caller caller) {
        TaskDetail task = access.visibleTask(taskId, caller).orElse(null);
        if (task == null) {
            return ReadableReports.NONE;
        }
        Set<Long> unitIds = task.leadUnitIds().stream().filter(u -> access.mayRead(caller, task, units.get(u).path()))
                .collect(Collectors.toSet());
        return new ReadableReports(store.reportIds(taskId, unitIds), unitIds);
    }

    /**
     * Every submitted version of every report on a task that the caller may read (drafts are the unit's work in
     * progress, not yet part of the record), by cycle, unit and version; for the task's dossier.
     */
    @Transactional(readOnly = true)
    public List<ReportDetail> versionsOf(long taskId, Caller caller) {
        TaskDetail task = access.visibleTask(taskId, caller).orElse(null);
        if (task == null) {
            return List.of();
        }
        List<ReportDetail> out = new ArrayList<>();
        for (Long id : store.submittedVersionIds(taskId)) {
            try {
                out.add(detail(access.load(id, caller, false, task))); // the task read once, not once per report
            } catch (ReportNotFound notVisible) {
                // another unit's report the caller does not read
            }
        }
        return out;
    }

    /** What the caller may do to this version now: what {@link ReportLifecycle} allows, as the commands check it. */
    @Transactional(readOnly = true)
    public ReportActions actions(ReportDetail r, Caller caller) {
        boolean reporting = ReportingCycles.REPORTING.contains(ledger.get(r.taskId(), DataScope.ALL).status());
        return ReportActions.in(new Situation(ReportAccess.who(caller, ReportingUnit.of(units.get(r.unitId())), false), reporting, r.approvalRequired(),
                new ReportLifecycle.Version(r.status(), r.isLatest(), Objects.equals(r.slot().submittedReportId(), r.id()),
                        r.slot().state() == ReportState.RETURNED)));
    }

    /** What the report form needs: the task, the reporting unit, the cycle and what supporting units contributed. */
    @Transactional(readOnly = true)
    public ReportContext context(long taskId, Long cycleId, Long unitId, Caller caller) {
        TaskDetail task = access.task(taskId, caller);
        ReportingUnit unit = access.reportingUnit(task, unitId, caller);
        access.requireReporting(task);
        LocalDate today = ReportingCycles.today(clock);
        List<ReportingCycle> open = cycles.cycles(task.planId()).stream().filter(c -> c.hasStartedBy(today)).toList();
        if (open.isEmpty()) {
            throw new ReportConflict(cycles.cadence(task.planId()).isPresent() ? "progress.cycle.noneOpen"
                    : "progress.cadence.notSet");
        }
        ReportingCycle cycle = cycleId == null ? cycles.current(task.planId()).orElse(open.get(open.size() - 1))
                : access.openCycle(task, cycleId);
        SlotStatus status = store.slot(cycle.id(), task.id(), unit.id()).map(s -> details.status(s, cycle))
                .orElseGet(() -> details.nothingReported(cycle));
        return new ReportContext(task, unit.id(), unit.name(), cycle, open, status, access.approvalRequired(task.planId()),
                details.contributions(cycle.id(), task.id(), unit.id()));
    }

    /** An evidence file, if the caller may read a report or contribution it is attached to. */
    @Transactional(readOnly = true)
    public EvidenceFile evidence(long evidenceId, Caller caller) {
        EvidenceFile file = evidences.find(evidenceId).orElseThrow(() -> new EvidenceNotFound(evidenceId));
        for (Long reportId : store.reportsWith(evidenceId)) {
            try {
                access.load(reportId, caller, false);
                return file;
            } catch (ReportNotFound notVisible) {
                // try the next report that uses it
            }
        }
        for (ReportStore.ContributionOf c : store.contributionsWith(evidenceId)) {
            Optional<TaskDetail> task = access.visibleTask(c.taskId(), caller);
            if (task.isPresent() && (access.mayRead(caller, task.get(), units.get(c.leadUnitId()).path())
                    || caller.scope().includesUnitAt(units.get(c.unitId()).path()))) {
                return file;
            }
        }
        throw new EvidenceNotFound(evidenceId);
    }

    // ---- inside

    /**
     * The task (without its milestones and history; its indicators and obligations only when the report's content
     * needs them), lead unit and cycle a new report is for, the caller's right checked; {@code asRead}: the plan's
     * cadence row as read with a cycle kept on this node, which the report's statement checks (null: the cycle was
     * read in this transaction).
     */
    private record Target(TaskDetail task, ReportingUnit unit, ReportingCycle cycle, boolean approvalRequired, boolean lastEnded,
                          ReportStore.CadenceAsRead asRead) {

        /** {@code kept}: the cycle as kept on this node ({@link ReportAccess#openCycleWithApproval}). */
        static Target of(TaskDetail task, ReportingUnit unit, ReportingCycles.WithApproval c, boolean kept) {
            return new Target(task, unit, c.cycle(), c.approvalRequired(), c.lastEnded(), kept
                    ? new ReportStore.CadenceAsRead(c.cycle().planId(), c.cyclesVersion(), c.approvalRequired()) : null);
        }
    }

    /** A first report's situation; {@code existing}: the cycle's report so far, null when there is none. */
    private Situation situation(Target t, Caller caller, ReportLifecycle.Version existing) {
        return new Situation(ReportAccess.who(caller, t.unit, false), ReportingCycles.REPORTING.contains(t.task.status()),
                t.approvalRequired, existing);
    }

    /** The latest version of a cycle's report as the lifecycle sees it. */
    private static ReportLifecycle.Version latestOf(SlotStatus slot) {
        return new ReportLifecycle.Version(slot.latestStatus(), true,
                Objects.equals(slot.submittedReportId(), slot.latestReportId()), slot.state() == ReportState.RETURNED);
    }

    /** Refuses the command unless the lifecycle allows it on this version. */
    private static void require(ReportLifecycle command, Situation s, ProgressReportRecord version) {
        Optional<Refusal> refusal = command.refusal(s);
        if (refusal.isPresent()) {
            throw refused(refusal.get(), version.getVersion(), version.getStatus());
        }
    }

    private static RuntimeException refused(Refusal r, int version, VersionStatus status) {
        Object[] args = switch (r) {
            case NOT_EDITABLE -> new Object[]{version, label(status)};
            case NOT_AWAITING_APPROVAL -> new Object[]{label(status)};
            case VERSION_OPEN -> new Object[]{version};
            default -> new Object[0];
        };
        return r.kind() == Refusal.Kind.FORBIDDEN ? new ReportForbidden(r.messageKey(), args)
                : new ReportConflict(r.messageKey(), args);
    }

    /** The slot's stored state as the lifecycle moves it (unchanged while a submitted version counts). */
    private void moveSlot(ReportLifecycle command, Situation s, Loaded l, Instant now) {
        command.slotAfter(s, l.slot().getState(), l.slot().getSubmittedReportId() != null)
                .ifPresent(state -> store.setSlotState(l.slot().getId(), state, now));
    }

    /** Counts the version as submitted; returns it and its slot as now stored. */
    private Loaded markSubmitted(Loaded l, VersionStatus from, Caller caller) {
        Instant now = clock.instant();
        long reportId = l.report().getId();
        ProgressReportRecord submitted = store.setStatus(reportId, from, VersionStatus.SUBMITTED, caller, now);
        OffsetDateTime first = l.slot().getFirstSubmittedAt() != null ? l.slot().getFirstSubmittedAt()
                : now.atOffset(ZoneOffset.UTC);
        ReportSlotRecord slot = store.markSubmitted(l.slot().getId(), reportId, first, now);
        store.record(l.slot().getId(), reportId, l.report().getVersion(), ReportStep.SUBMITTED, caller, null, now);
        Loaded counted = new Loaded(submitted, slot, l.task(), l.unit(), l.cycle(), l.approvalRequired());
        counted(counted, null, caller, now);
        return counted;
    }

    /**
     * What follows a version counting as its cycle's report (as stored in {@code l}): the event, the task started.
     * {@code lastEnded}: whether the cycle is its plan's last whose grace period ended, as the command read it with the
     * cycle (the warnings then need not ask); null when it did not read it.
     */
    private void counted(Loaded l, Boolean lastEnded, Caller caller, Instant now) {
        long reportId = l.report().getId();
        SlotStatus status = SlotStates.of(ReportState.SUBMITTED, l.slot().getFirstSubmittedAt(), reportId,
                l.report().getVersion(), VersionStatus.SUBMITTED, reportId, l.cycle(), ReportingCycles.today(clock),
                clock.getZone());
        events.publishEvent(new ReportSubmitted(reportId, l.task().id(), l.unit().id(), l.cycle().id(),
                l.report().getVersion(), l.cycle().dueOn(), status.daysLate(), lastEnded, caller.signature(), now));
        tasks.startByReport(l.task(), caller); // the first report on an assigned task starts it
    }

    private void requireContributor(TaskDetail task, Optional<Unit> supporting, Caller caller) {
        Situation s = new Situation(ReportAccess.who(caller, null, supporting.isPresent()),
                ReportingCycles.REPORTING.contains(task.status()), false, null);
        CONTRIBUTE.refusal(s).ifPresent(r -> {
            throw refused(r, 0, null);
        });
    }

    private static void requireText(NewContribution c) {
        if (ReportRules.blank(c.text())) {
            throw new ReportInvalid("text", "progress.contribution.textRequired");
        }
    }

    private Target target(NewReport report, Caller caller) {
        TaskDetail task = access.taskToReportOn(report.taskId(), report.content(), caller);
        ReportingUnit unit = access.reportingUnit(task, report.unitId(), caller);
        access.requireReporting(task);
        return Target.of(task, unit, access.openCycleWithApproval(task, report.cycleId(), true), true);
    }

    private ReportConflict alreadyReported(Target t) {
        return new ReportConflict("progress.report.alreadyReported", t.unit.name(),
                store.latestVersion(t.cycle.id(), t.task.id(), t.unit.id()));
    }

    /** The command's comment, required where the lifecycle says so (the why of a send-back or a return). */
    private static String comment(ReportLifecycle command, String comment) {
        if (!command.needsComment()) {
            return ReportRules.blankToNull(comment);
        }
        if (ReportRules.blank(comment)) {
            throw new ReportInvalid("comment", "progress.report.commentRequired");
        }
        if (comment.length() > ReportRules.MAX_NOTE) {
            throw new ReportInvalid("comment", "progress.report.tooLong");
        }
        return comment.strip();
    }

    private ReportDetail detail(Loaded l) {
        return details.detail(l.report(), l.slot(), l.task(), l.unit(), l.cycle(), l.approvalRequired());
    }

    private ReportDetail firstVersion(Loaded l, boolean withParts, List<ReportEventRecord> recorded, boolean contributed) {
        return details.firstVersion(l.report(), l.slot(), l.task(), l.unit(), l.cycle(), l.approvalRequired(), withParts, recorded,
                contributed);
    }


    private static DefaultMessageSourceResolvable label(VersionStatus status) {
        String key = "progress.version." + status;
        return new DefaultMessageSourceResolvable(new String[]{key}, key);
    }
}
