package org.rectify.progress;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.plans.TaskDetail;
import org.rectify.platform.RenderedStatements;
import org.rectify.progress.internal.db.tables.records.ProgressReportRecord;
import org.rectify.progress.internal.db.tables.records.ReportEventRecord;
import org.rectify.progress.internal.db.tables.records.ReportSlotRecord;
import org.rectify.units.Units;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.rectify.progress.internal.db.Tables.CONTRIBUTION_EVIDENCE;
import static org.rectify.progress.internal.db.Tables.EVIDENCE;
import static org.rectify.progress.internal.db.Tables.MEASUREMENT;
import static org.rectify.progress.internal.db.Tables.OBLIGATION_RECORD;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORT_ATTACHMENT;
import static org.rectify.progress.internal.db.Tables.REPORT_CONTRIBUTION;
import static org.rectify.progress.internal.db.Tables.REPORT_EVENT;

/**
 * The read model of one report version, as its page and the API show it ({@link ReportDetail}): its content and
 * evidence, the cycle's versions and history, the slot's standing and the supporting units' contributions. Reads
 * only; the caller's right to read it is checked by {@link ProgressReports} before.
 */
@Component
class ReportDetails {

    private final DSLContext db;
    private final Units units;
    private final Clock clock;
    private final RenderedStatements statements;

    ReportDetails(DSLContext db, Units units, Clock clock, RenderedStatements statements) {
        this.db = db;
        this.units = units;
        this.clock = clock;
        this.statements = statements;
    }

    /** Where a cycle's report stands today (its latest version read for its number and state). */
    SlotStatus status(ReportSlotRecord slot, ReportingCycle cycle) {
        return status(slot, cycle, null);
    }

    /** {@link #status}; {@code read}: a version already read, not read again when it is the latest. */
    private SlotStatus status(ReportSlotRecord slot, ReportingCycle cycle, ProgressReportRecord read) {
        Record latest = slot.getLatestReportId() == null ? null
                : read != null && read.getId().equals(slot.getLatestReportId()) ? read
                : db.select(PROGRESS_REPORT.VERSION, PROGRESS_REPORT.STATUS).from(PROGRESS_REPORT)
                .where(PROGRESS_REPORT.ID.eq(slot.getLatestReportId())).fetchOne();
        return SlotStates.of(slot.getState(), slot.getFirstSubmittedAt(), slot.getLatestReportId(),
                latest == null ? null : latest.get(PROGRESS_REPORT.VERSION),
                latest == null ? null : latest.get(PROGRESS_REPORT.STATUS), slot.getSubmittedReportId(),
                cycle, ReportingCycles.today(clock), clock.getZone());
    }

    /** Where a cycle's report stands today when nothing was reported: missing, or late past the grace period. */
    SlotStatus nothingReported(ReportingCycle cycle) {
        return SlotStates.of(null, null, null, null, null, null, cycle, ReportingCycles.today(clock), clock.getZone());
    }

    ReportDetail detail(ProgressReportRecord r, ReportSlotRecord slot, TaskDetail task, ReportingUnit unit, ReportingCycle cycle,
                        boolean approvalRequired) {
        List<ReportEventRecord> events = db.selectFrom(REPORT_EVENT).where(REPORT_EVENT.SLOT_ID.eq(slot.getId()))
                .and(REPORT_EVENT.ACTION.ne(ReportStep.SAVED))
                .orderBy(REPORT_EVENT.OCCURRED_AT.desc(), REPORT_EVENT.ID.desc())
                .fetch();
        List<ProgressReportRecord> versions = db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.SLOT_ID.eq(slot.getId()))
                .orderBy(PROGRESS_REPORT.VERSION.desc())
                .fetch();
        return detail(r, slot, task, unit, cycle, approvalRequired, parts(r.getId()), events, versions,
                contributions(cycle.id(), task.id(), unit.id()));
    }

    /**
     * A cycle's first report as the command that wrote it has it, not read back: its only version, the history steps
     * it recorded (as stored), and its measurements, obligation records and attachments read only when it wrote some
     * ({@code withParts}), and the supporting units' contributions only when its statement found some
     * ({@code contributed}). The same answer as {@link #detail} gives for it afterwards.
     */
    ReportDetail firstVersion(ProgressReportRecord r, ReportSlotRecord slot, TaskDetail task, ReportingUnit unit, ReportingCycle cycle,
                              boolean approvalRequired, boolean withParts, List<ReportEventRecord> recorded,
                              boolean contributed) {
        List<ReportEventRecord> events = recorded.stream().filter(e -> e.getAction() != ReportStep.SAVED)
                .sorted(java.util.Comparator.comparing(ReportEventRecord::getOccurredAt).thenComparing(ReportEventRecord::getId).reversed())
                .toList();
        return detail(r, slot, task, unit, cycle, approvalRequired, withParts ? parts(r.getId()) : Parts.NONE, events, List.of(r),
                contributed ? contributions(cycle.id(), task.id(), unit.id()) : List.of());
    }

    /** A version's measurements, obligation records (with their files) and the attachments of the report itself. */
    private record Parts(List<ReportDetail.Measurement> measurements, List<ReportDetail.ObligationRecord> records,
                         List<ReportDetail.Attachment> attachments) {
        static final Parts NONE = new Parts(List.of(), List.of(), List.of());
    }

    private Parts parts(long id) {
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
                .forEach(a -> {
                    ReportDetail.Attachment attachment = new ReportDetail.Attachment(a.get(REPORT_ATTACHMENT.ID),
                            a.get(EVIDENCE.ID) == null ? null : Evidences.toFile(a), a.get(REPORT_ATTACHMENT.URL),
                            a.get(REPORT_ATTACHMENT.TITLE));
                    Long record = a.get(REPORT_ATTACHMENT.OBLIGATION_RECORD_ID);
                    if (record == null) {
                        attachments.add(attachment);
                    } else {
                        byRecord.computeIfAbsent(record, k -> new ArrayList<>()).add(attachment);
                    }
                });
        List<ReportDetail.ObligationRecord> records = db.selectFrom(OBLIGATION_RECORD).where(OBLIGATION_RECORD.REPORT_ID.eq(id))
                .orderBy(OBLIGATION_RECORD.POSITION, OBLIGATION_RECORD.ID)
                .fetch(o -> new ReportDetail.ObligationRecord(o.getId(), o.getObligationSubject(), o.getHeldOn(), o.getBody(),
                        o.getTopic(), byRecord.getOrDefault(o.getId(), List.of())));
        return new Parts(measurements, records, attachments);
    }

    /** The read model from the version, its parts, the cycle's history (newest first) and versions (newest first). */
    private ReportDetail detail(ProgressReportRecord r, ReportSlotRecord slot, TaskDetail task, ReportingUnit unit, ReportingCycle cycle,
                                boolean approvalRequired, Parts parts, List<ReportEventRecord> events,
                                List<ProgressReportRecord> versionRows, List<ReportDetail.Contribution> contributions) {
        Map<Long, String> returns = new HashMap<>(); // each version's latest return, from the same history
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).getAction() == ReportStep.RETURNED) {
                returns.put(events.get(i).getReportId(), events.get(i).getComment());
            }
        }
        List<ReportDetail.Version> versions = versionRows.stream()
                .map(v -> new ReportDetail.Version(v.getId(), v.getVersion(), v.getStatus(),
                        v.getSubmittedBy(), v.getSubmittedAt() == null ? null : v.getSubmittedAt().toInstant(),
                        returns.containsKey(v.getId()), returns.get(v.getId()))).toList();
        List<ReportDetail.HistoryEntry> history = events.stream()
                .map(e -> new ReportDetail.HistoryEntry(e.getOccurredAt().toInstant(), e.getActor(), e.getAction().name(),
                        e.getVersion(), e.getComment())).toList();
        return new ReportDetail(r.getId(), slot.getId(), r.getVersion(), r.getStatus(), r.getSupersedesId(),
                task.id(), task.ref(), task.displayTitle(), task.planId(), task.planTitle(),
                unit.id(), unit.name(), cycle, status(slot, cycle, r), approvalRequired,
                r.getWorkDone(), Phase.valueOf(r.getPhase()), r.getOnSchedule(), r.getProblems(), r.getNextSteps(),
                parts.measurements(), parts.records(), parts.attachments(), r.getCreatedBy(), r.getCreatedAt().toInstant(),
                r.getUpdatedAt().toInstant(), r.getSubmittedBy(),
                r.getSubmittedAt() == null ? null : r.getSubmittedAt().toInstant(), versions, history, contributions);
    }

    /** The supporting units' contributions to a lead unit's report of a cycle, with their files. */
    List<ReportDetail.Contribution> contributions(long cycleId, long taskId, long leadUnitId) {
        // read with every report answered and shown: rendered once (issue 14), the three ids bound at each read
        List<Long> binds = List.of(cycleId, taskId, leadUnitId);
        var rows = db.resultQuery(statements.sqlWithBinds("contributions", () -> db.selectFrom(REPORT_CONTRIBUTION)
                        .where(REPORT_CONTRIBUTION.CYCLE_ID.eq(cycleId).and(REPORT_CONTRIBUTION.TASK_ID.eq(taskId))
                                .and(REPORT_CONTRIBUTION.LEAD_UNIT_ID.eq(leadUnitId)))
                        .orderBy(REPORT_CONTRIBUTION.CREATED_AT), binds), binds.toArray())
                .coerce(REPORT_CONTRIBUTION).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<EvidenceFile>> files = db.select(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID, EVIDENCE.asterisk())
                .from(CONTRIBUTION_EVIDENCE).join(EVIDENCE).on(EVIDENCE.ID.eq(CONTRIBUTION_EVIDENCE.EVIDENCE_ID))
                .where(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID.in(rows.map(c -> c.getId())))
                .orderBy(CONTRIBUTION_EVIDENCE.POSITION).fetch().stream()
                .collect(Collectors.groupingBy(c -> c.get(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID),
                        Collectors.mapping(Evidences::toFile, Collectors.toList())));
        Map<Long, String> names = units.names(rows.map(c -> c.getUnitId()));
        return rows.map(c -> new ReportDetail.Contribution(c.getId(), c.getUnitId(), names.get(c.getUnitId()), c.getText(),
                c.getCreatedBy(), c.getCreatedAt().toInstant(), files.getOrDefault(c.getId(), List.of())));
    }
}
