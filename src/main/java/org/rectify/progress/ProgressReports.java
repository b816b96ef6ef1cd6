package org.rectify.progress;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.progress.internal.db.tables.records.ProgressReportRecord;
import org.rectify.progress.internal.db.tables.records.ReportSlotRecord;
import org.rectify.plans.AssignedUnit;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskNotFound;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.rectify.progress.internal.db.Tables.CONTRIBUTION_EVIDENCE;
import static org.rectify.progress.internal.db.Tables.EVIDENCE;
import static org.rectify.progress.internal.db.Tables.MEASUREMENT;
import static org.rectify.progress.internal.db.Tables.OBLIGATION_RECORD;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORT_ATTACHMENT;
import static org.rectify.progress.internal.db.Tables.REPORT_CONTRIBUTION;
import static org.rectify.progress.internal.db.Tables.REPORT_EVENT;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;

/**
 * The commands on progress reports, and reading them. A lead unit's staff (or head) write a report on a task for a
 * cycle; where the plan requires it the unit head approves it before it counts as submitted; the office may return
 * a submitted report with comments; a correction is a new version. A submitted version never changes. Every state
 * change is recorded in the report's history and published as an event, in the same transaction.
 */
@Service
@Transactional
public class ProgressReports {

    private final DSLContext db;
    private final TaskLedger ledger;
    private final Plans plans;
    private final Units units;
    private final ReportingCycles cycles;
    private final Evidences evidences;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.rectify.plans.Tasks tasks;

    ProgressReports(DSLContext db, TaskLedger ledger, Plans plans, Units units, ReportingCycles cycles,
                    Evidences evidences, ApplicationEventPublisher events, Clock clock, org.rectify.plans.Tasks tasks) {
        this.db = db;
        this.tasks = tasks;
        this.ledger = ledger;
        this.plans = plans;
        this.units = units;
        this.cycles = cycles;
        this.evidences = evidences;
        this.events = events;
        this.clock = clock;
    }

    // ---- writing

    /**
     * Checks a first report before any file is streamed: the task in scope, the caller's unit a lead unit, the cycle
     * begun, nothing reported yet for it, the content complete. Refuses as {@link #create} would; writes nothing.
     */
    @Transactional(readOnly = true)
    public void check(NewReport report, Caller caller) {
        Target target = target(report.taskId(), report.cycleId(), report.unitId(), caller);
        if (slotOf(target).isPresent()) {
            throw alreadyReported(target);
        }
        ReportRules.check(report.content(), target.task, cycles.today());
    }

    /** Writes a first report for a cycle, as a draft or submitted at once; 409 when the cycle already has one. */
    public ReportDetail create(NewReport report, List<NewAttachment> files, Caller caller) {
        Target target = target(report.taskId(), report.cycleId(), report.unitId(), caller);
        ReportContent content = report.content();
        ReportRules.check(content, target.task, cycles.today());
        Instant now = clock.instant();
        Long slotId = db.insertInto(REPORT_SLOT)
                .set(REPORT_SLOT.CYCLE_ID, target.cycle.id()).set(REPORT_SLOT.TASK_ID, target.task.id())
                .set(REPORT_SLOT.UNIT_ID, target.unit.id()).set(REPORT_SLOT.STATE, VersionStatus.DRAFT.name())
                .set(REPORT_SLOT.UPDATED_AT, utc(now))
                .onConflictDoNothing()
                .returning(REPORT_SLOT.ID).fetchOptional(REPORT_SLOT.ID)
                .orElseThrow(() -> alreadyReported(target));
        long reportId = db.insertInto(PROGRESS_REPORT)
                .set(PROGRESS_REPORT.SLOT_ID, slotId).set(PROGRESS_REPORT.TASK_ID, target.task.id())
                .set(PROGRESS_REPORT.UNIT_ID, target.unit.id()).set(PROGRESS_REPORT.CYCLE_ID, target.cycle.id())
                .set(PROGRESS_REPORT.VERSION, 1).set(PROGRESS_REPORT.STATUS, VersionStatus.DRAFT.name())
                .set(PROGRESS_REPORT.WORK_DONE, content.workDone().strip())
                .set(PROGRESS_REPORT.PHASE, content.phase().name()).set(PROGRESS_REPORT.ON_SCHEDULE, content.onSchedule())
                .set(PROGRESS_REPORT.PROBLEMS, ReportRules.blankToNull(content.problems()))
                .set(PROGRESS_REPORT.NEXT_STEPS, ReportRules.blankToNull(content.nextSteps()))
                .set(PROGRESS_REPORT.CREATED_BY, caller.signature()).set(PROGRESS_REPORT.CREATED_AT, utc(now))
                .set(PROGRESS_REPORT.UPDATED_AT, utc(now))
                .returning(PROGRESS_REPORT.ID).fetchOne(PROGRESS_REPORT.ID);
        db.update(REPORT_SLOT).set(REPORT_SLOT.LATEST_REPORT_ID, reportId).where(REPORT_SLOT.ID.eq(slotId)).execute();
        List<Long> obligationIds = writeContent(reportId, content, target.task, List.of());
        attach(reportId, obligationIds, files, caller);
        event(slotId, reportId, 1, "DRAFTED", caller, null, now);
        events.publishEvent(new ReportDrafted(reportId, target.task.id(), target.unit.id(), target.cycle.id(), 1, null,
                caller.signature(), now));
        if (report.submit()) {
            return submit(reportId, caller, target.task);
        }
        return detail(load(reportId, caller, false, target.task));
    }

    /** Checks an edit of a draft before any file is streamed; writes nothing. */
    @Transactional(readOnly = true)
    public void checkUpdate(long reportId, ReportContent content, Caller caller) {
        Loaded l = load(reportId, caller, false);
        requireWriter(l, caller);
        requireDraft(l);
        ReportRules.check(content, l.task, cycles.today());
    }

    /**
     * Saves a draft's content: measurements and links are replaced, obligation records kept by id (with their
     * minutes), files added, and the attachments named in {@code removeAttachmentIds} removed.
     */
    public ReportDetail update(long reportId, ReportContent content, List<NewAttachment> files,
                               Collection<Long> removeAttachmentIds, Caller caller) {
        Loaded l = load(reportId, caller, true);
        requireWriter(l, caller);
        requireDraft(l);
        ReportRules.check(content, l.task, cycles.today());
        Instant now = clock.instant();
        db.update(PROGRESS_REPORT)
                .set(PROGRESS_REPORT.WORK_DONE, content.workDone().strip())
                .set(PROGRESS_REPORT.PHASE, content.phase().name()).set(PROGRESS_REPORT.ON_SCHEDULE, content.onSchedule())
                .set(PROGRESS_REPORT.PROBLEMS, ReportRules.blankToNull(content.problems()))
                .set(PROGRESS_REPORT.NEXT_STEPS, ReportRules.blankToNull(content.nextSteps()))
                .set(PROGRESS_REPORT.UPDATED_AT, utc(now))
                .where(PROGRESS_REPORT.ID.eq(reportId)).execute();
        List<Long> existing = db.select(OBLIGATION_RECORD.ID).from(OBLIGATION_RECORD)
                .where(OBLIGATION_RECORD.REPORT_ID.eq(reportId)).fetch(OBLIGATION_RECORD.ID);
        db.deleteFrom(MEASUREMENT).where(MEASUREMENT.REPORT_ID.eq(reportId)).execute();
        db.deleteFrom(REPORT_ATTACHMENT).where(REPORT_ATTACHMENT.REPORT_ID.eq(reportId)
                .and(REPORT_ATTACHMENT.URL.isNotNull())).execute();
        List<Long> obligationIds = writeContent(reportId, content, l.task, existing);
        Set<Long> kept = new HashSet<>(obligationIds);
        List<Long> dropped = existing.stream().filter(id -> !kept.contains(id)).toList();
        Set<Long> detached = new HashSet<>();
        if (!dropped.isEmpty()) {
            detached.addAll(db.select(REPORT_ATTACHMENT.EVIDENCE_ID).from(REPORT_ATTACHMENT)
                    .where(REPORT_ATTACHMENT.OBLIGATION_RECORD_ID.in(dropped).and(REPORT_ATTACHMENT.EVIDENCE_ID.isNotNull()))
                    .fetch(REPORT_ATTACHMENT.EVIDENCE_ID));
            db.deleteFrom(OBLIGATION_RECORD).where(OBLIGATION_RECORD.ID.in(dropped)).execute();
        }
        if (removeAttachmentIds != null && !removeAttachmentIds.isEmpty()) {
            detached.addAll(db.deleteFrom(REPORT_ATTACHMENT).where(REPORT_ATTACHMENT.REPORT_ID.eq(reportId)
                            .and(REPORT_ATTACHMENT.ID.in(removeAttachmentIds)))
                    .returning(REPORT_ATTACHMENT.EVIDENCE_ID).fetch(REPORT_ATTACHMENT.EVIDENCE_ID)
                    .stream().filter(Objects::nonNull).toList());
        }
        forgetUnused(detached);
        attach(reportId, obligationIds, files, caller);
        event(l.slot.getId(), reportId, l.report.getVersion(), "SAVED", caller, null, now);
        events.publishEvent(new ReportEdited(reportId, l.task.id(), List.of(), caller.signature(), now));
        return get(reportId, caller);
    }

    /** Adds files to a draft (the API's upload), to the report or to one of its obligation records. */
    public ReportDetail attachFiles(long reportId, Long obligationRecordId, List<StagedFile> files, Caller caller) {
        Loaded l = load(reportId, caller, true);
        requireWriter(l, caller);
        requireDraft(l);
        if (obligationRecordId != null && !db.fetchExists(OBLIGATION_RECORD,
                OBLIGATION_RECORD.ID.eq(obligationRecordId).and(OBLIGATION_RECORD.REPORT_ID.eq(reportId)))) {
            throw new ReportInvalid("obligationRecordId", "progress.obligation.notInReport");
        }
        int position = db.fetchCount(REPORT_ATTACHMENT, REPORT_ATTACHMENT.REPORT_ID.eq(reportId));
        List<Long> attached = new java.util.ArrayList<>();
        for (StagedFile file : files) {
            EvidenceFile f = evidences.record(file, caller);
            attached.add(f.id());
            db.insertInto(REPORT_ATTACHMENT).set(REPORT_ATTACHMENT.REPORT_ID, reportId)
                    .set(REPORT_ATTACHMENT.OBLIGATION_RECORD_ID, obligationRecordId)
                    .set(REPORT_ATTACHMENT.EVIDENCE_ID, f.id()).set(REPORT_ATTACHMENT.POSITION, position++).execute();
        }
        Instant now = clock.instant();
        event(l.slot.getId(), reportId, l.report.getVersion(), "SAVED", caller, null, now);
        events.publishEvent(new ReportEdited(reportId, l.task.id(), attached, caller.signature(), now));
        return get(reportId, caller);
    }

    /**
     * Submits a draft: it counts as submitted at once, or, where the plan requires the head's approval and the
     * caller is staff, waits for the head.
     */
    public ReportDetail submit(long reportId, Caller caller) {
        return submit(reportId, caller, null);
    }

    /** {@link #submit}, with the task when the caller already has it (a report written and submitted at once). */
    private ReportDetail submit(long reportId, Caller caller, TaskDetail known) {
        Loaded l = load(reportId, caller, true, known);
        requireWriter(l, caller);
        requireDraft(l);
        if (l.approvalRequired() && !caller.role().equals(org.rectify.access.Role.UNIT_HEAD)) {
            Instant now = clock.instant();
            setStatus(l, VersionStatus.DRAFT, VersionStatus.AWAITING_APPROVAL, null, now);
            if (l.slot.getSubmittedReportId() == null) {
                db.update(REPORT_SLOT).set(REPORT_SLOT.STATE, VersionStatus.AWAITING_APPROVAL.name())
                        .set(REPORT_SLOT.UPDATED_AT, utc(now)).where(REPORT_SLOT.ID.eq(l.slot.getId())).execute();
            }
            event(l.slot.getId(), reportId, l.report.getVersion(), "SENT_FOR_APPROVAL", caller, null, now);
            events.publishEvent(new ReportSentForApproval(reportId, l.task.id(), l.unit.id(), l.cycle.id(),
                    l.report.getVersion(), caller.signature(), now));
            return detail(load(reportId, caller, false, l.task));
        }
        markSubmitted(l, VersionStatus.DRAFT, caller);
        return detail(load(reportId, caller, false, l.task));
    }

    /** The unit head approves a report awaiting approval: it counts as submitted now. */
    public ReportDetail approve(long reportId, Caller caller) {
        Loaded l = load(reportId, caller, true);
        requireHead(l, caller);
        if (l.status() != VersionStatus.AWAITING_APPROVAL) {
            throw new ReportConflict("progress.report.notAwaitingApproval", label(l.status()));
        }
        Instant now = clock.instant();
        event(l.slot.getId(), reportId, l.report.getVersion(), "APPROVED", caller, null, now);
        events.publishEvent(new ReportApproved(reportId, l.task.id(), l.unit.id(), l.cycle.id(), l.report.getVersion(),
                caller.signature(), now));
        markSubmitted(l, VersionStatus.AWAITING_APPROVAL, caller);
        return get(reportId, caller);
    }

    /** The unit head sends a report awaiting approval back to the staff as a draft, saying why. */
    public ReportDetail sendBack(long reportId, String comment, Caller caller) {
        Loaded l = load(reportId, caller, true);
        requireHead(l, caller);
        if (l.status() != VersionStatus.AWAITING_APPROVAL) {
            throw new ReportConflict("progress.report.notAwaitingApproval", label(l.status()));
        }
        String why = requireComment(comment);
        Instant now = clock.instant();
        setStatus(l, VersionStatus.AWAITING_APPROVAL, VersionStatus.DRAFT, null, now);
        if (l.slot.getSubmittedReportId() == null) {
            db.update(REPORT_SLOT).set(REPORT_SLOT.STATE, VersionStatus.DRAFT.name()).set(REPORT_SLOT.UPDATED_AT, utc(now))
                    .where(REPORT_SLOT.ID.eq(l.slot.getId())).execute();
        }
        event(l.slot.getId(), reportId, l.report.getVersion(), "SENT_BACK", caller, why, now);
        events.publishEvent(new ReportSentBack(reportId, l.task.id(), l.unit.id(), l.cycle.id(), l.report.getVersion(),
                why, caller.signature(), now));
        return get(reportId, caller);
    }

    /** The office returns the submitted report of a cycle to the unit with comments; the unit corrects it in a new version. */
    public ReportDetail returnToUnit(long reportId, String comment, Caller caller) {
        Loaded l = load(reportId, caller, true);
        if (!caller.role().managesTasks()) {
            throw new ReportForbidden("progress.report.returnForbidden");
        }
        if (l.status() != VersionStatus.SUBMITTED || !Objects.equals(l.slot.getSubmittedReportId(), reportId)
                || !"SUBMITTED".equals(l.slot.getState())) {
            throw new ReportConflict("progress.report.notReturnable");
        }
        String why = requireComment(comment);
        Instant now = clock.instant();
        db.update(REPORT_SLOT).set(REPORT_SLOT.STATE, "RETURNED").set(REPORT_SLOT.UPDATED_AT, utc(now))
                .where(REPORT_SLOT.ID.eq(l.slot.getId())).execute();
        event(l.slot.getId(), reportId, l.report.getVersion(), "RETURNED", caller, why, now);
        events.publishEvent(new ReportReturned(reportId, l.task.id(), l.unit.id(), l.cycle.id(), l.report.getVersion(),
                why, caller.signature(), now));
        return get(reportId, caller);
    }

    /**
     * Starts a correction: a new draft version copying the submitted one (content, measurements, obligation records,
     * files and links), which supersedes it once submitted. 409 while a newer version is open.
     */
    public ReportDetail newVersion(long reportId, Caller caller) {
        Loaded l = load(reportId, caller, true);
        requireWriter(l, caller);
        long latestId = l.slot.getLatestReportId();
        ProgressReportRecord latest = latestId == reportId ? l.report
                : db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.ID.eq(latestId)).fetchOne();
        if (!VersionStatus.SUBMITTED.name().equals(latest.getStatus())) {
            throw new ReportConflict("progress.report.versionOpen", latest.getVersion());
        }
        Instant now = clock.instant();
        int version = latest.getVersion() + 1;
        long copyId = db.insertInto(PROGRESS_REPORT)
                .set(PROGRESS_REPORT.SLOT_ID, latest.getSlotId()).set(PROGRESS_REPORT.TASK_ID, latest.getTaskId())
                .set(PROGRESS_REPORT.UNIT_ID, latest.getUnitId()).set(PROGRESS_REPORT.CYCLE_ID, latest.getCycleId())
                .set(PROGRESS_REPORT.VERSION, version).set(PROGRESS_REPORT.SUPERSEDES_ID, latest.getId())
                .set(PROGRESS_REPORT.STATUS, VersionStatus.DRAFT.name())
                .set(PROGRESS_REPORT.WORK_DONE, latest.getWorkDone()).set(PROGRESS_REPORT.PHASE, latest.getPhase())
                .set(PROGRESS_REPORT.ON_SCHEDULE, latest.getOnSchedule()).set(PROGRESS_REPORT.PROBLEMS, latest.getProblems())
                .set(PROGRESS_REPORT.NEXT_STEPS, latest.getNextSteps())
                .set(PROGRESS_REPORT.CREATED_BY, caller.signature()).set(PROGRESS_REPORT.CREATED_AT, utc(now))
                .set(PROGRESS_REPORT.UPDATED_AT, utc(now))
                .returning(PROGRESS_REPORT.ID).fetchOne(PROGRESS_REPORT.ID);
        copyParts(latest.getId(), copyId);
        db.update(REPORT_SLOT).set(REPORT_SLOT.LATEST_REPORT_ID, copyId).set(REPORT_SLOT.UPDATED_AT, utc(now))
                .where(REPORT_SLOT.ID.eq(l.slot.getId())).execute();
        event(l.slot.getId(), copyId, version, "DRAFTED", caller, null, now);
        events.publishEvent(new ReportDrafted(copyId, l.task.id(), l.unit.id(), l.cycle.id(), version, latest.getId(),
                caller.signature(), now));
        return get(copyId, caller);
    }

    /** A supporting unit adds its contribution (text and files) to a lead unit's report of a cycle. */
    public long contribute(NewContribution c, List<StagedFile> files, Caller caller) {
        TaskDetail task = task(c.taskId(), caller);
        if (!caller.role().isUnitRole()) {
            throw new ReportForbidden("progress.contribution.onlyUnits");
        }
        Unit unit = supportingUnit(task, caller)
                .orElseThrow(() -> new ReportForbidden("progress.contribution.notSupporting"));
        List<Long> leads = task.leadUnitIds();
        if (leads.isEmpty()) {
            throw new ReportConflict("progress.report.taskNotReporting");
        }
        long lead = c.leadUnitId() == null ? leads.get(0) : c.leadUnitId();
        if (!leads.contains(lead)) {
            throw new ReportInvalid("leadUnitId", "progress.contribution.notLeadUnit");
        }
        ReportingCycle cycle = openCycle(task, c.cycleId());
        requireReporting(task);
        if (ReportRules.blank(c.text())) {
            throw new ReportInvalid("text", "progress.contribution.textRequired");
        }
        if (c.text().length() > ReportRules.MAX_TEXT) {
            throw new ReportInvalid("text", "progress.report.tooLong");
        }
        Instant now = clock.instant();
        long id = db.insertInto(REPORT_CONTRIBUTION)
                .set(REPORT_CONTRIBUTION.CYCLE_ID, cycle.id()).set(REPORT_CONTRIBUTION.TASK_ID, task.id())
                .set(REPORT_CONTRIBUTION.LEAD_UNIT_ID, lead).set(REPORT_CONTRIBUTION.UNIT_ID, unit.id())
                .set(REPORT_CONTRIBUTION.TEXT, c.text().strip()).set(REPORT_CONTRIBUTION.CREATED_BY, caller.signature())
                .set(REPORT_CONTRIBUTION.CREATED_AT, utc(now))
                .returning(REPORT_CONTRIBUTION.ID).fetchOne(REPORT_CONTRIBUTION.ID);
        int position = 0;
        for (StagedFile file : files) {
            EvidenceFile f = evidences.record(file, caller);
            db.insertInto(CONTRIBUTION_EVIDENCE).set(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID, id)
                    .set(CONTRIBUTION_EVIDENCE.EVIDENCE_ID, f.id()).set(CONTRIBUTION_EVIDENCE.POSITION, position++)
                    .onConflictDoNothing().execute();
        }
        events.publishEvent(new ReportContributed(id, task.id(), cycle.id(), lead, unit.id(), caller.signature(), now));
        return id;
    }

    /** Checks a contribution before any file is streamed; writes nothing. */
    @Transactional(readOnly = true)
    public void checkContribution(NewContribution c, Caller caller) {
        TaskDetail task = task(c.taskId(), caller);
        if (!caller.role().isUnitRole() || supportingUnit(task, caller).isEmpty()) {
            throw new ReportForbidden("progress.contribution.notSupporting");
        }
        openCycle(task, c.cycleId());
        requireReporting(task);
        if (ReportRules.blank(c.text())) {
            throw new ReportInvalid("text", "progress.contribution.textRequired");
        }
    }

    // ---- reading

    @Transactional(readOnly = true)
    public ReportDetail get(long reportId, Caller caller) {
        return detail(load(reportId, caller, false));
    }

    /** The report a lead unit made on a task for a cycle (its latest version), if any and if the caller may read it. */
    @Transactional(readOnly = true)
    public Optional<ReportDetail> find(long taskId, long unitId, long cycleId, Caller caller) {
        return db.select(REPORT_SLOT.LATEST_REPORT_ID).from(REPORT_SLOT)
                .where(REPORT_SLOT.CYCLE_ID.eq(cycleId).and(REPORT_SLOT.TASK_ID.eq(taskId)).and(REPORT_SLOT.UNIT_ID.eq(unitId)))
                .fetchOptional(REPORT_SLOT.LATEST_REPORT_ID).map(id -> get(id, caller));
    }

    /**
     * The reports of a task the caller reads, every version and draft included, by the same rule as the report pages
     * ({@link #mayRead}); none when the caller does not see the task.
     */
    @Transactional(readOnly = true)
    public ReadableReports readableReports(long taskId, Caller caller) {
        TaskDetail task = visibleTask(taskId, caller).orElse(null);
        if (task == null) {
            return ReadableReports.NONE;
        }
        Set<Long> unitIds = task.leadUnitIds().stream().filter(u -> mayRead(caller, task, units.get(u)))
                .collect(Collectors.toSet());
        return new ReadableReports(new HashSet<>(db.select(PROGRESS_REPORT.ID).from(PROGRESS_REPORT)
                .where(PROGRESS_REPORT.TASK_ID.eq(taskId).and(PROGRESS_REPORT.UNIT_ID.in(unitIds)))
                .fetch(PROGRESS_REPORT.ID)), unitIds);
    }

    /**
     * Every submitted version of every report on a task that the caller may read (drafts are the unit's work in
     * progress, not yet part of the record), by cycle, unit and version; for the task's dossier.
     */
    @Transactional(readOnly = true)
    public List<ReportDetail> versionsOf(long taskId, Caller caller) {
        TaskDetail task = visibleTask(taskId, caller).orElse(null);
        if (task == null) {
            return List.of();
        }
        List<ReportDetail> out = new java.util.ArrayList<>();
        for (Long id : db.select(PROGRESS_REPORT.ID).from(PROGRESS_REPORT)
                .join(REPORTING_CYCLE).on(REPORTING_CYCLE.ID.eq(PROGRESS_REPORT.CYCLE_ID))
                .where(PROGRESS_REPORT.TASK_ID.eq(taskId).and(PROGRESS_REPORT.STATUS.eq(VersionStatus.SUBMITTED.name())))
                .orderBy(REPORTING_CYCLE.PERIOD_START, PROGRESS_REPORT.UNIT_ID, PROGRESS_REPORT.VERSION)
                .fetch(PROGRESS_REPORT.ID)) {
            try {
                out.add(detail(load(id, caller, false, task))); // the task read once, not once per report
            } catch (ReportNotFound notVisible) {
                // another unit's report the caller does not read
            }
        }
        return out;
    }

    /** What the caller may do to this version now. */
    @Transactional(readOnly = true)
    public ReportActions actions(ReportDetail r, Caller caller) {
        boolean writer = caller.role().isUnitRole() && caller.scope().includesUnitAt(units.get(r.unitId()).path());
        boolean latest = r.isLatest();
        boolean reporting = ReportingCycles.REPORTING.contains(ledger.get(r.taskId(), DataScope.ALL).status());
        return new ReportActions(
                writer && latest && r.isDraft() && reporting,
                writer && latest && r.isDraft() && reporting,
                writer && caller.role() == org.rectify.access.Role.UNIT_HEAD && r.status() == VersionStatus.AWAITING_APPROVAL,
                writer && caller.role() == org.rectify.access.Role.UNIT_HEAD && r.status() == VersionStatus.AWAITING_APPROVAL,
                caller.role().managesTasks() && r.status() == VersionStatus.SUBMITTED
                        && Objects.equals(r.slot().submittedReportId(), r.id()) && r.slot().state() != ReportState.RETURNED,
                writer && latest && r.status() == VersionStatus.SUBMITTED && reporting);
    }

    /** What the report form needs: the task, the reporting unit, the cycle and what supporting units contributed. */
    @Transactional(readOnly = true)
    public ReportContext context(long taskId, Long cycleId, Long unitId, Caller caller) {
        TaskDetail task = task(taskId, caller);
        Unit unit = reportingUnit(task, unitId, caller);
        requireReporting(task);
        LocalDate today = cycles.today();
        List<ReportingCycle> open = cycles.cycles(task.planId()).stream().filter(c -> c.hasStartedBy(today)).toList();
        if (open.isEmpty()) {
            throw new ReportConflict(cycles.cadence(task.planId()).isPresent() ? "progress.cycle.noneOpen"
                    : "progress.cadence.notSet");
        }
        ReportingCycle cycle = cycleId == null ? cycles.current(task.planId()).orElse(open.get(open.size() - 1))
                : openCycle(task, cycleId);
        SlotStatus status = slotOf(new Target(task, unit, cycle)).map(s -> status(s, cycle)).orElseGet(
                () -> SlotStates.of(null, null, null, null, null, null, cycle, today, clock.getZone()));
        return new ReportContext(task, unit.id(), unit.name(), cycle, open, status, approvalRequired(task.planId()),
                contributions(cycle.id(), task.id(), unit.id()));
    }

    /** An evidence file, if the caller may read a report or contribution it is attached to. */
    @Transactional(readOnly = true)
    public EvidenceFile evidence(long evidenceId, Caller caller) {
        EvidenceFile file = evidences.find(evidenceId).orElseThrow(() -> new EvidenceNotFound(evidenceId));
        for (Long reportId : db.selectDistinct(REPORT_ATTACHMENT.REPORT_ID).from(REPORT_ATTACHMENT)
                .where(REPORT_ATTACHMENT.EVIDENCE_ID.eq(evidenceId)).fetch(REPORT_ATTACHMENT.REPORT_ID)) {
            try {
                load(reportId, caller, false);
                return file;
            } catch (ReportNotFound notVisible) {
                // try the next report that uses it
            }
        }
        for (Record c : db.select(REPORT_CONTRIBUTION.TASK_ID, REPORT_CONTRIBUTION.LEAD_UNIT_ID, REPORT_CONTRIBUTION.UNIT_ID)
                .from(REPORT_CONTRIBUTION).join(CONTRIBUTION_EVIDENCE)
                .on(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID.eq(REPORT_CONTRIBUTION.ID))
                .where(CONTRIBUTION_EVIDENCE.EVIDENCE_ID.eq(evidenceId)).fetch()) {
            Optional<TaskDetail> task = visibleTask(c.get(REPORT_CONTRIBUTION.TASK_ID), caller);
            if (task.isPresent() && (mayRead(caller, task.get(), units.get(c.get(REPORT_CONTRIBUTION.LEAD_UNIT_ID)))
                    || caller.scope().includesUnitAt(units.get(c.get(REPORT_CONTRIBUTION.UNIT_ID)).path()))) {
                return file;
            }
        }
        throw new EvidenceNotFound(evidenceId);
    }

    // ---- inside

    /** The task, lead unit and cycle a new report is for, with the caller's right to write it checked. */
    private record Target(TaskDetail task, Unit unit, ReportingCycle cycle) {
    }

    private record Loaded(ProgressReportRecord report, ReportSlotRecord slot, TaskDetail task, Unit unit,
                          ReportingCycle cycle, boolean approvalRequired) {

        VersionStatus status() {
            return VersionStatus.valueOf(report.getStatus());
        }
    }

    private Target target(long taskId, long cycleId, Long unitId, Caller caller) {
        TaskDetail task = task(taskId, caller);
        Unit unit = reportingUnit(task, unitId, caller);
        requireReporting(task);
        return new Target(task, unit, openCycle(task, cycleId));
    }

    private ReportingCycle openCycle(TaskDetail task, long cycleId) {
        ReportingCycle cycle = cycles.find(cycleId).filter(c -> c.planId() == task.planId())
                .orElseThrow(() -> new ReportNotFound("progress.cycle.notFound", cycleId));
        if (!cycle.hasStartedBy(cycles.today())) {
            throw new ReportInvalid("cycleId", "progress.cycle.notOpen");
        }
        return cycle;
    }

    private void requireReporting(TaskDetail task) {
        if (!ReportingCycles.REPORTING.contains(task.status())) {
            throw new ReportConflict("progress.report.taskNotReporting");
        }
    }

    private Optional<ReportSlotRecord> slotOf(Target t) {
        return db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.CYCLE_ID.eq(t.cycle.id())
                .and(REPORT_SLOT.TASK_ID.eq(t.task.id())).and(REPORT_SLOT.UNIT_ID.eq(t.unit.id()))).fetchOptional();
    }

    private ReportConflict alreadyReported(Target t) {
        Integer version = db.select(PROGRESS_REPORT.VERSION).from(REPORT_SLOT).join(PROGRESS_REPORT)
                .on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.LATEST_REPORT_ID))
                .where(REPORT_SLOT.CYCLE_ID.eq(t.cycle.id()).and(REPORT_SLOT.TASK_ID.eq(t.task.id()))
                        .and(REPORT_SLOT.UNIT_ID.eq(t.unit.id())))
                .fetchOptional(PROGRESS_REPORT.VERSION).orElse(1);
        return new ReportConflict("progress.report.alreadyReported", t.unit.name(), version);
    }

    private TaskDetail task(long taskId, Caller caller) {
        return visibleTask(taskId, caller).orElseThrow(() -> new ReportNotFound("progress.taskNotFound", taskId));
    }

    private Optional<TaskDetail> visibleTask(long taskId, Caller caller) {
        try {
            return Optional.of(ledger.get(taskId, caller.scope()));
        } catch (TaskNotFound e) {
            return Optional.empty();
        }
    }

    /** The lead unit the caller reports for: the one asked for, their own, or the only one within their unit. */
    private Unit reportingUnit(TaskDetail task, Long requested, Caller caller) {
        if (!caller.role().isUnitRole()) {
            throw new ReportForbidden("progress.report.onlyUnits");
        }
        List<Long> leads = task.leadUnitIds();
        if (requested != null) {
            if (!leads.contains(requested)) {
                throw new ReportInvalid("unitId", "progress.report.notLeadUnit");
            }
            Unit unit = units.get(requested);
            if (!caller.scope().includesUnitAt(unit.path())) {
                throw new ReportForbidden("progress.report.notYourUnit");
            }
            return unit;
        }
        if (leads.contains(caller.unitId())) {
            return units.get(caller.unitId());
        }
        List<Unit> within = leads.stream().map(units::get).filter(u -> caller.scope().includesUnitAt(u.path())).toList();
        if (within.size() == 1) {
            return within.get(0);
        }
        if (within.isEmpty()) {
            throw new ReportForbidden(supportingUnit(task, caller).isPresent() ? "progress.report.supportingUnit"
                    : "progress.report.notLeadUnit");
        }
        throw new ReportInvalid("unitId", "progress.report.chooseUnit");
    }

    private Optional<Unit> supportingUnit(TaskDetail task, Caller caller) {
        List<Long> supporters = task.supportingUnits().stream().map(AssignedUnit::unitId).distinct().toList();
        if (supporters.contains(caller.unitId())) {
            return Optional.of(units.get(caller.unitId()));
        }
        return supporters.stream().map(units::get).filter(u -> caller.scope().includesUnitAt(u.path())).findFirst();
    }

    /**
     * Who reads a lead unit's report: everyone in the unit's own subtree and above it; the office, supervisors and
     * leaders of the unit running the plan; and the task's supporting units, who contribute to it.
     */
    private boolean mayRead(Caller caller, TaskDetail task, Unit unit) {
        DataScope scope = caller.scope();
        return scope.isAll() || scope.includesUnitAt(unit.path())
                || (scope.ownPlans() && plans.isRunFrom(task.planId(), scope.unitPath()))
                || ledger.isSupportedFrom(task.id(), scope.unitPath());
    }

    private Loaded load(long reportId, Caller caller, boolean forUpdate) {
        return load(reportId, caller, forUpdate, null);
    }

    /**
     * The report with what its commands check. {@code known}: the report's task as this command already read it
     * in the caller's scope, so a write-then-answer does not load the task and its history again.
     */
    private Loaded load(long reportId, Caller caller, boolean forUpdate, TaskDetail known) {
        ProgressReportRecord report = db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.ID.eq(reportId)).fetchOptional()
                .orElseThrow(() -> new ReportNotFound("progress.report.notFound", reportId));
        TaskDetail task = known != null && known.id() == report.getTaskId() ? known : visibleTask(report.getTaskId(), caller)
                .orElseThrow(() -> new ReportNotFound("progress.report.notFound", reportId));
        Unit unit = units.get(report.getUnitId());
        if (!mayRead(caller, task, unit)) {
            throw new ReportNotFound("progress.report.notFound", reportId);
        }
        ReportSlotRecord slot;
        if (forUpdate) { // one command at a time on a cycle's report; read the version again under the lock
            slot = db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.ID.eq(report.getSlotId())).forUpdate().fetchOne();
            report = db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.ID.eq(reportId)).fetchOne();
        } else {
            slot = db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.ID.eq(report.getSlotId())).fetchOne();
        }
        return new Loaded(report, slot, task, unit, cycles.cycle(report.getCycleId()), approvalRequired(task.planId()));
    }

    private boolean approvalRequired(long planId) {
        return cycles.cadence(planId).map(ReportingCadence::approvalRequired).orElse(false);
    }

    private void requireWriter(Loaded l, Caller caller) {
        if (!caller.role().isUnitRole()) {
            throw new ReportForbidden("progress.report.onlyUnits");
        }
        if (!caller.scope().includesUnitAt(l.unit.path())) {
            throw new ReportForbidden("progress.report.notYourUnit");
        }
        requireReporting(l.task);
    }

    private void requireHead(Loaded l, Caller caller) {
        if (caller.role() != org.rectify.access.Role.UNIT_HEAD || !caller.scope().includesUnitAt(l.unit.path())) {
            throw new ReportForbidden("progress.report.approveForbidden");
        }
    }

    private void requireDraft(Loaded l) {
        if (l.status() != VersionStatus.DRAFT || !Objects.equals(l.slot.getLatestReportId(), l.report.getId())) {
            throw new ReportConflict("progress.report.notEditable", l.report.getVersion(), label(l.status()));
        }
    }

    private static String requireComment(String comment) {
        if (ReportRules.blank(comment)) {
            throw new ReportInvalid("comment", "progress.report.commentRequired");
        }
        if (comment.length() > ReportRules.MAX_NOTE) {
            throw new ReportInvalid("comment", "progress.report.tooLong");
        }
        return comment.strip();
    }

    private void setStatus(Loaded l, VersionStatus from, VersionStatus to, Caller submitter, Instant now) {
        int updated = db.update(PROGRESS_REPORT).set(PROGRESS_REPORT.STATUS, to.name())
                .set(PROGRESS_REPORT.UPDATED_AT, utc(now))
                .set(PROGRESS_REPORT.SUBMITTED_BY, submitter == null ? null : submitter.signature())
                .set(PROGRESS_REPORT.SUBMITTED_AT, submitter == null ? null : utc(now))
                .where(PROGRESS_REPORT.ID.eq(l.report.getId()).and(PROGRESS_REPORT.STATUS.eq(from.name())))
                .execute();
        if (updated == 0) {
            throw new ReportConflict("progress.report.raced");
        }
    }

    private void markSubmitted(Loaded l, VersionStatus from, Caller caller) {
        Instant now = clock.instant();
        setStatus(l, from, VersionStatus.SUBMITTED, caller, now);
        OffsetDateTime first = l.slot.getFirstSubmittedAt() != null ? l.slot.getFirstSubmittedAt() : utc(now);
        db.update(REPORT_SLOT).set(REPORT_SLOT.STATE, "SUBMITTED").set(REPORT_SLOT.SUBMITTED_REPORT_ID, l.report.getId())
                .set(REPORT_SLOT.FIRST_SUBMITTED_AT, first).set(REPORT_SLOT.UPDATED_AT, utc(now))
                .where(REPORT_SLOT.ID.eq(l.slot.getId())).execute();
        event(l.slot.getId(), l.report.getId(), l.report.getVersion(), "SUBMITTED", caller, null, now);
        SlotStatus status = SlotStates.of("SUBMITTED", first, l.report.getId(), l.report.getVersion(), "SUBMITTED",
                l.report.getId(), l.cycle, cycles.today(), clock.getZone());
        events.publishEvent(new ReportSubmitted(l.report.getId(), l.task.id(), l.unit.id(), l.cycle.id(),
                l.report.getVersion(), l.cycle.dueOn(), status.daysLate(), caller.signature(), now));
        tasks.startByReport(l.task.id(), caller); // the first report on an assigned task starts it
    }

    /** Writes measurements, links and obligation records; returns the records' ids in the order given. */
    private List<Long> writeContent(long reportId, ReportContent c, TaskDetail task, List<Long> existingRecords) {
        Map<String, String> units = task.indicators().stream()
                .collect(HashMap::new, (m, i) -> m.put(i.name(), i.unitOfMeasure()), HashMap::putAll);
        int position = 0;
        for (ReportContent.MeasurementEntry m : c.measurements()) {
            db.insertInto(MEASUREMENT).set(MEASUREMENT.REPORT_ID, reportId)
                    .set(MEASUREMENT.INDICATOR_NAME, m.indicatorName().strip())
                    .set(MEASUREMENT.VALUE, ReportRules.number(m.value()))
                    .set(MEASUREMENT.UNIT_OF_MEASURE, units.get(m.indicatorName().strip()))
                    .set(MEASUREMENT.AS_OF, m.asOf()).set(MEASUREMENT.SOURCE, ReportRules.blankToNull(m.source()))
                    .set(MEASUREMENT.POSITION, position++).execute();
        }
        List<Long> ids = new ArrayList<>();
        position = 0;
        for (ReportContent.ObligationEntry o : c.obligationRecords()) {
            if (o.id() != null && existingRecords.contains(o.id())) {
                db.update(OBLIGATION_RECORD).set(OBLIGATION_RECORD.OBLIGATION_SUBJECT, ReportRules.blankToNull(o.subject()))
                        .set(OBLIGATION_RECORD.HELD_ON, o.heldOn()).set(OBLIGATION_RECORD.BODY, ReportRules.blankToNull(o.body()))
                        .set(OBLIGATION_RECORD.TOPIC, ReportRules.blankToNull(o.topic()))
                        .set(OBLIGATION_RECORD.POSITION, position++)
                        .where(OBLIGATION_RECORD.ID.eq(o.id())).execute();
                ids.add(o.id());
            } else {
                ids.add(db.insertInto(OBLIGATION_RECORD).set(OBLIGATION_RECORD.REPORT_ID, reportId)
                        .set(OBLIGATION_RECORD.OBLIGATION_SUBJECT, ReportRules.blankToNull(o.subject()))
                        .set(OBLIGATION_RECORD.HELD_ON, o.heldOn()).set(OBLIGATION_RECORD.BODY, ReportRules.blankToNull(o.body()))
                        .set(OBLIGATION_RECORD.TOPIC, ReportRules.blankToNull(o.topic()))
                        .set(OBLIGATION_RECORD.POSITION, position++)
                        .returning(OBLIGATION_RECORD.ID).fetchOne(OBLIGATION_RECORD.ID));
            }
        }
        position = db.fetchCount(REPORT_ATTACHMENT, REPORT_ATTACHMENT.REPORT_ID.eq(reportId));
        for (ReportContent.LinkEntry link : c.links()) {
            db.insertInto(REPORT_ATTACHMENT).set(REPORT_ATTACHMENT.REPORT_ID, reportId)
                    .set(REPORT_ATTACHMENT.URL, link.url().strip()).set(REPORT_ATTACHMENT.TITLE, ReportRules.blankToNull(link.title()))
                    .set(REPORT_ATTACHMENT.POSITION, position++).execute();
        }
        return ids;
    }

    private void attach(long reportId, List<Long> obligationIds, List<NewAttachment> files, Caller caller) {
        int position = db.fetchCount(REPORT_ATTACHMENT, REPORT_ATTACHMENT.REPORT_ID.eq(reportId));
        for (NewAttachment a : files) {
            Long record = a.obligationIndex() != null && a.obligationIndex() >= 0 && a.obligationIndex() < obligationIds.size()
                    ? obligationIds.get(a.obligationIndex()) : null;
            EvidenceFile f = evidences.record(a.file(), caller);
            db.insertInto(REPORT_ATTACHMENT).set(REPORT_ATTACHMENT.REPORT_ID, reportId)
                    .set(REPORT_ATTACHMENT.OBLIGATION_RECORD_ID, record).set(REPORT_ATTACHMENT.EVIDENCE_ID, f.id())
                    .set(REPORT_ATTACHMENT.POSITION, position++).execute();
        }
    }

    /** Evidence rows no attachment or contribution uses any more; their files become orphans for the clean-up. */
    private void forgetUnused(Collection<Long> evidenceIds) {
        for (Long id : evidenceIds) {
            if (!db.fetchExists(REPORT_ATTACHMENT, REPORT_ATTACHMENT.EVIDENCE_ID.eq(id))
                    && !db.fetchExists(CONTRIBUTION_EVIDENCE, CONTRIBUTION_EVIDENCE.EVIDENCE_ID.eq(id))) {
                db.deleteFrom(EVIDENCE).where(EVIDENCE.ID.eq(id)).execute();
            }
        }
    }

    private void copyParts(long fromId, long toId) {
        db.insertInto(MEASUREMENT, MEASUREMENT.REPORT_ID, MEASUREMENT.INDICATOR_NAME, MEASUREMENT.VALUE,
                        MEASUREMENT.UNIT_OF_MEASURE, MEASUREMENT.AS_OF, MEASUREMENT.SOURCE, MEASUREMENT.POSITION)
                .select(db.select(org.jooq.impl.DSL.val(toId), MEASUREMENT.INDICATOR_NAME, MEASUREMENT.VALUE,
                                MEASUREMENT.UNIT_OF_MEASURE, MEASUREMENT.AS_OF, MEASUREMENT.SOURCE, MEASUREMENT.POSITION)
                        .from(MEASUREMENT).where(MEASUREMENT.REPORT_ID.eq(fromId)))
                .execute();
        Map<Long, Long> records = new HashMap<>();
        db.selectFrom(OBLIGATION_RECORD).where(OBLIGATION_RECORD.REPORT_ID.eq(fromId)).orderBy(OBLIGATION_RECORD.POSITION)
                .forEach(o -> records.put(o.getId(), db.insertInto(OBLIGATION_RECORD).set(OBLIGATION_RECORD.REPORT_ID, toId)
                        .set(OBLIGATION_RECORD.OBLIGATION_SUBJECT, o.getObligationSubject()).set(OBLIGATION_RECORD.HELD_ON, o.getHeldOn())
                        .set(OBLIGATION_RECORD.BODY, o.getBody()).set(OBLIGATION_RECORD.TOPIC, o.getTopic())
                        .set(OBLIGATION_RECORD.POSITION, o.getPosition())
                        .returning(OBLIGATION_RECORD.ID).fetchOne(OBLIGATION_RECORD.ID)));
        db.selectFrom(REPORT_ATTACHMENT).where(REPORT_ATTACHMENT.REPORT_ID.eq(fromId)).orderBy(REPORT_ATTACHMENT.POSITION)
                .forEach(a -> db.insertInto(REPORT_ATTACHMENT).set(REPORT_ATTACHMENT.REPORT_ID, toId)
                        .set(REPORT_ATTACHMENT.OBLIGATION_RECORD_ID, a.getObligationRecordId() == null ? null
                                : records.get(a.getObligationRecordId()))
                        .set(REPORT_ATTACHMENT.EVIDENCE_ID, a.getEvidenceId()).set(REPORT_ATTACHMENT.URL, a.getUrl())
                        .set(REPORT_ATTACHMENT.TITLE, a.getTitle()).set(REPORT_ATTACHMENT.POSITION, a.getPosition())
                        .execute());
    }

    private void event(long slotId, Long reportId, Integer version, String action, Caller caller, String comment, Instant at) {
        db.insertInto(REPORT_EVENT).set(REPORT_EVENT.SLOT_ID, slotId).set(REPORT_EVENT.REPORT_ID, reportId)
                .set(REPORT_EVENT.VERSION, version).set(REPORT_EVENT.ACTION, action).set(REPORT_EVENT.ACTOR, caller.signature())
                .set(REPORT_EVENT.ACTOR_UNIT_ID, caller.unitId() > 0 ? caller.unitId() : null)
                .set(REPORT_EVENT.COMMENT, comment).set(REPORT_EVENT.OCCURRED_AT, utc(at)).execute();
    }

    SlotStatus status(ReportSlotRecord slot, ReportingCycle cycle) {
        Record latest = slot.getLatestReportId() == null ? null
                : db.select(PROGRESS_REPORT.VERSION, PROGRESS_REPORT.STATUS).from(PROGRESS_REPORT)
                .where(PROGRESS_REPORT.ID.eq(slot.getLatestReportId())).fetchOne();
        return SlotStates.of(slot.getState(), slot.getFirstSubmittedAt(), slot.getLatestReportId(),
                latest == null ? null : latest.get(PROGRESS_REPORT.VERSION),
                latest == null ? null : latest.get(PROGRESS_REPORT.STATUS), slot.getSubmittedReportId(),
                cycle, cycles.today(), clock.getZone());
    }

    private ReportDetail detail(Loaded l) {
        long id = l.report.getId();
        List<ReportDetail.Measurement> measurements = db.selectFrom(MEASUREMENT).where(MEASUREMENT.REPORT_ID.eq(id))
                .orderBy(MEASUREMENT.POSITION, MEASUREMENT.ID)
                .fetch(m -> new ReportDetail.Measurement(m.getIndicatorName(), m.getValue(), m.getUnitOfMeasure(),
                        m.getAsOf(), m.getSource()));
        Map<Long, List<ReportDetail.Attachment>> byRecord = new LinkedHashMap<>();
        List<ReportDetail.Attachment> attachments = new ArrayList<>();
        db.select(REPORT_ATTACHMENT.ID, REPORT_ATTACHMENT.OBLIGATION_RECORD_ID, REPORT_ATTACHMENT.URL, REPORT_ATTACHMENT.TITLE,
                        EVIDENCE.asterisk())
                .from(REPORT_ATTACHMENT).leftJoin(EVIDENCE).on(EVIDENCE.ID.eq(REPORT_ATTACHMENT.EVIDENCE_ID))
                .where(REPORT_ATTACHMENT.REPORT_ID.eq(id)).orderBy(REPORT_ATTACHMENT.POSITION, REPORT_ATTACHMENT.ID)
                .forEach(r -> {
                    ReportDetail.Attachment a = new ReportDetail.Attachment(r.get(REPORT_ATTACHMENT.ID),
                            r.get(EVIDENCE.ID) == null ? null : Evidences.toFile(r), r.get(REPORT_ATTACHMENT.URL),
                            r.get(REPORT_ATTACHMENT.TITLE));
                    Long record = r.get(REPORT_ATTACHMENT.OBLIGATION_RECORD_ID);
                    if (record == null) {
                        attachments.add(a);
                    } else {
                        byRecord.computeIfAbsent(record, k -> new ArrayList<>()).add(a);
                    }
                });
        List<ReportDetail.ObligationRecord> records = db.selectFrom(OBLIGATION_RECORD).where(OBLIGATION_RECORD.REPORT_ID.eq(id))
                .orderBy(OBLIGATION_RECORD.POSITION, OBLIGATION_RECORD.ID)
                .fetch(o -> new ReportDetail.ObligationRecord(o.getId(), o.getObligationSubject(), o.getHeldOn(), o.getBody(),
                        o.getTopic(), byRecord.getOrDefault(o.getId(), List.of())));
        Map<Long, String> returns = new HashMap<>();
        db.select(REPORT_EVENT.REPORT_ID, REPORT_EVENT.COMMENT).from(REPORT_EVENT)
                .where(REPORT_EVENT.SLOT_ID.eq(l.slot.getId()).and(REPORT_EVENT.ACTION.eq("RETURNED")))
                .orderBy(REPORT_EVENT.OCCURRED_AT).forEach(r -> returns.put(r.value1(), r.value2()));
        List<ReportDetail.Version> versions = db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.SLOT_ID.eq(l.slot.getId()))
                .orderBy(PROGRESS_REPORT.VERSION.desc())
                .fetch(v -> new ReportDetail.Version(v.getId(), v.getVersion(), VersionStatus.valueOf(v.getStatus()),
                        v.getSubmittedBy(), v.getSubmittedAt() == null ? null : v.getSubmittedAt().toInstant(),
                        returns.containsKey(v.getId()), returns.get(v.getId())));
        List<ReportDetail.HistoryEntry> history = db.selectFrom(REPORT_EVENT).where(REPORT_EVENT.SLOT_ID.eq(l.slot.getId()))
                .and(REPORT_EVENT.ACTION.ne("SAVED"))
                .orderBy(REPORT_EVENT.OCCURRED_AT.desc(), REPORT_EVENT.ID.desc())
                .fetch(e -> new ReportDetail.HistoryEntry(e.getOccurredAt().toInstant(), e.getActor(), e.getAction(),
                        e.getVersion(), e.getComment()));
        ProgressReportRecord r = l.report;
        return new ReportDetail(id, l.slot.getId(), r.getVersion(), l.status(), r.getSupersedesId(),
                l.task.id(), l.task.ref(), l.task.displayTitle(), l.task.planId(), l.task.planTitle(),
                l.unit.id(), l.unit.name(), l.cycle, status(l.slot, l.cycle), l.approvalRequired,
                r.getWorkDone(), Phase.valueOf(r.getPhase()), r.getOnSchedule(), r.getProblems(), r.getNextSteps(),
                measurements, records, attachments, r.getCreatedBy(), r.getCreatedAt().toInstant(),
                r.getUpdatedAt().toInstant(), r.getSubmittedBy(),
                r.getSubmittedAt() == null ? null : r.getSubmittedAt().toInstant(), versions, history,
                contributions(l.cycle.id(), l.task.id(), l.unit.id()));
    }

    private List<ReportDetail.Contribution> contributions(long cycleId, long taskId, long leadUnitId) {
        var rows = db.selectFrom(REPORT_CONTRIBUTION).where(REPORT_CONTRIBUTION.CYCLE_ID.eq(cycleId)
                        .and(REPORT_CONTRIBUTION.TASK_ID.eq(taskId)).and(REPORT_CONTRIBUTION.LEAD_UNIT_ID.eq(leadUnitId)))
                .orderBy(REPORT_CONTRIBUTION.CREATED_AT).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<EvidenceFile>> files = db.select(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID, EVIDENCE.asterisk())
                .from(CONTRIBUTION_EVIDENCE).join(EVIDENCE).on(EVIDENCE.ID.eq(CONTRIBUTION_EVIDENCE.EVIDENCE_ID))
                .where(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID.in(rows.map(r -> r.getId())))
                .orderBy(CONTRIBUTION_EVIDENCE.POSITION).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID),
                        Collectors.mapping(Evidences::toFile, Collectors.toList())));
        Map<Long, String> names = units.names(rows.map(r -> r.getUnitId()));
        return rows.map(c -> new ReportDetail.Contribution(c.getId(), c.getUnitId(), names.get(c.getUnitId()), c.getText(),
                c.getCreatedBy(), c.getCreatedAt().toInstant(), files.getOrDefault(c.getId(), List.of())));
    }

    private static org.springframework.context.support.DefaultMessageSourceResolvable label(VersionStatus status) {
        String key = "progress.version." + status;
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[]{key}, key);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
