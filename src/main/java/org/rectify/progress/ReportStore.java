package org.rectify.progress;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record8;
import org.jooq.Select;
import org.jooq.Sequence;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.rectify.access.Caller;
import org.rectify.platform.RenderedStatements;
import org.rectify.plans.TaskDetail;
import org.rectify.progress.internal.db.tables.records.ProgressReportRecord;
import org.rectify.progress.internal.db.tables.records.ReportEventRecord;
import org.rectify.progress.internal.db.tables.records.ReportSlotRecord;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.rectify.progress.internal.db.Tables.CONTRIBUTION_EVIDENCE;
import static org.rectify.progress.internal.db.Tables.EVIDENCE;
import static org.rectify.progress.internal.db.Tables.MEASUREMENT;
import static org.rectify.progress.internal.db.Tables.OBLIGATION_RECORD;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORTING_CADENCE;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_ATTACHMENT;
import static org.rectify.progress.internal.db.Tables.REPORT_CONTRIBUTION;
import static org.rectify.progress.internal.db.Tables.REPORT_EVENT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;

/**
 * The rows of reports: a cycle's slot, its versions with their content (measurements, obligation records, files and
 * links), its history, and contributions. Decides nothing: {@link ProgressReports} asks {@link ReportLifecycle} first.
 */
@Component
class ReportStore {

    /** The identity sequence of report versions' ids, from which a first report's slot draws its version's id. */
    private static final Sequence<Long> REPORT_ID = DSL.sequence(DSL.name("progress_report_id_seq"), Long.class);
    private static final String DRAWN_ID = "id";

    private final DSLContext db;
    private final Evidences evidences;
    private final RenderedStatements statements;

    ReportStore(DSLContext db, Evidences evidences, RenderedStatements statements) {
        this.db = db;
        this.evidences = evidences;
        this.statements = statements;
    }

    // ---- reading for a command

    Optional<ProgressReportRecord> report(long reportId) {
        return db.selectFrom(PROGRESS_REPORT).where(PROGRESS_REPORT.ID.eq(reportId)).fetchOptional();
    }

    /** The slot; {@code forUpdate}: locked, one command at a time on a cycle's report. */
    ReportSlotRecord slot(long slotId, boolean forUpdate) {
        var query = db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.ID.eq(slotId));
        return forUpdate ? query.forUpdate().fetchOne() : query.fetchOne();
    }

    Optional<ReportSlotRecord> slot(long cycleId, long taskId, long unitId) {
        return db.selectFrom(REPORT_SLOT).where(REPORT_SLOT.CYCLE_ID.eq(cycleId)
                .and(REPORT_SLOT.TASK_ID.eq(taskId)).and(REPORT_SLOT.UNIT_ID.eq(unitId))).fetchOptional();
    }

    /** The latest version's number of a cycle's report (1 when there is none yet). */
    int latestVersion(long cycleId, long taskId, long unitId) {
        return db.select(PROGRESS_REPORT.VERSION).from(REPORT_SLOT).join(PROGRESS_REPORT)
                .on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.LATEST_REPORT_ID))
                .where(REPORT_SLOT.CYCLE_ID.eq(cycleId).and(REPORT_SLOT.TASK_ID.eq(taskId))
                        .and(REPORT_SLOT.UNIT_ID.eq(unitId)))
                .fetchOptional(PROGRESS_REPORT.VERSION).orElse(1);
    }

    boolean obligationRecordIn(long reportId, long obligationRecordId) {
        return db.fetchExists(OBLIGATION_RECORD,
                OBLIGATION_RECORD.ID.eq(obligationRecordId).and(OBLIGATION_RECORD.REPORT_ID.eq(reportId)));
    }

    // ---- reading for the queries

    Optional<Long> latestReportId(long cycleId, long taskId, long unitId) {
        return db.select(REPORT_SLOT.LATEST_REPORT_ID).from(REPORT_SLOT)
                .where(REPORT_SLOT.CYCLE_ID.eq(cycleId).and(REPORT_SLOT.TASK_ID.eq(taskId)).and(REPORT_SLOT.UNIT_ID.eq(unitId)))
                .fetchOptional(REPORT_SLOT.LATEST_REPORT_ID);
    }

    /** Every version and draft of a task's reports by these lead units. */
    Set<Long> reportIds(long taskId, Collection<Long> unitIds) {
        return new HashSet<>(db.select(PROGRESS_REPORT.ID).from(PROGRESS_REPORT)
                .where(PROGRESS_REPORT.TASK_ID.eq(taskId).and(PROGRESS_REPORT.UNIT_ID.in(unitIds)))
                .fetch(PROGRESS_REPORT.ID));
    }

    /** A task's submitted versions by cycle, unit and version. */
    List<Long> submittedVersionIds(long taskId) {
        return db.select(PROGRESS_REPORT.ID).from(PROGRESS_REPORT)
                .join(REPORTING_CYCLE).on(REPORTING_CYCLE.ID.eq(PROGRESS_REPORT.CYCLE_ID))
                .where(PROGRESS_REPORT.TASK_ID.eq(taskId).and(PROGRESS_REPORT.STATUS.eq(VersionStatus.SUBMITTED)))
                .orderBy(REPORTING_CYCLE.PERIOD_START, PROGRESS_REPORT.UNIT_ID, PROGRESS_REPORT.VERSION)
                .fetch(PROGRESS_REPORT.ID);
    }

    /** The reports an evidence file is attached to. */
    List<Long> reportsWith(long evidenceId) {
        return db.selectDistinct(REPORT_ATTACHMENT.REPORT_ID).from(REPORT_ATTACHMENT)
                .where(REPORT_ATTACHMENT.EVIDENCE_ID.eq(evidenceId)).fetch(REPORT_ATTACHMENT.REPORT_ID);
    }

    /** The contributions an evidence file is attached to: task, lead unit and contributing unit. */
    record ContributionOf(long taskId, long leadUnitId, long unitId) {
    }

    List<ContributionOf> contributionsWith(long evidenceId) {
        return db.select(REPORT_CONTRIBUTION.TASK_ID, REPORT_CONTRIBUTION.LEAD_UNIT_ID, REPORT_CONTRIBUTION.UNIT_ID)
                .from(REPORT_CONTRIBUTION).join(CONTRIBUTION_EVIDENCE)
                .on(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID.eq(REPORT_CONTRIBUTION.ID))
                .where(CONTRIBUTION_EVIDENCE.EVIDENCE_ID.eq(evidenceId))
                .fetch(r -> new ContributionOf(r.value1(), r.value2(), r.value3()));
    }

    // ---- writing

    /** A first report as its statement wrote it: the cycle's slot, version 1 and the history's steps, as stored. */
    record FirstReport(ReportSlotRecord slot, ProgressReportRecord report, List<ReportEventRecord> recorded,
                       boolean contributed) {
    }

    /**
     * What a first report's statement has inlined (kept per shape): whether it counts, whether its version is submitted,
     * whether it checks the plan's cadence row ({@link CadenceAsRead}).
     */
    private record FirstReportShape(boolean counts, boolean submittedNow, boolean checksCadence) {
    }

    /**
     * The plan's cadence row as the command's decisions read it, from a cycle kept on this node: the first report's
     * statement writes only if the row still has this version of the plan's cycles and this approval flag.
     */
    record CadenceAsRead(long planId, long cyclesVersion, boolean approvalRequired) {
    }

    /**
     * A cycle's first report in one statement (issue 14: one round trip, rendered once per shape): the slot, with the
     * id drawn for its version 1 as its latest (and, with {@code counts}, its submitted) version; the version under
     * that id; and its history, drafted (and, with {@code counts}, submitted) by the caller. The version is a draft,
     * which the command submits once its parts are written (a submitted version's parts are frozen), or, with
     * {@code submittedNow} (a version without parts that counts), written submitted. The slot is not written again
     * (its references to its versions are checked at the commit, V54). Empty when the cycle already has one (a race
     * lost: the slot's insert does nothing, and nor do the others, which read their ids from it), or when the plan's
     * cadence row is no longer {@code asRead} (null: the cycle was read in this transaction, nothing to check).
     */
    Optional<FirstReport> openFirstReport(long cycleId, long taskId, long unitId, CadenceAsRead asRead, ReportContent content,
                                          Caller caller, boolean counts, boolean submittedNow, Instant now) {
        FirstReportShape shape = new FirstReportShape(counts, submittedNow, asRead != null);
        FirstReportValues v = new FirstReportValues(cycleId, taskId, unitId, asRead, utc(now), caller.signature(),
                content.workDone().strip(), content.phase().name(), content.onSchedule(),
                Objects.requireNonNullElse(ReportRules.blankToNull(content.problems()), ""),
                Objects.requireNonNullElse(ReportRules.blankToNull(content.nextSteps()), ""), caller.unitId());
        List<Object> binds = v.binds(shape);
        var rows = db.resultQuery(statements.sqlWithBinds(shape, () -> firstReportStatement(shape, v), binds),
                binds.toArray()).coerce(FIRST_REPORT_FIELDS).fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int slotFields = REPORT_SLOT.fields().length;
        int reportFields = PROGRESS_REPORT.fields().length;
        List<ReportEventRecord> recorded = rows.stream().map(r -> part(r, REPORT_EVENT, slotFields + reportFields)).toList();
        return Optional.of(new FirstReport(part(rows.get(0), REPORT_SLOT, 0), part(rows.get(0), PROGRESS_REPORT, slotFields),
                recorded, Boolean.TRUE.equals(rows.get(0).get(CONTRIBUTED))));
    }

    /** Whether supporting units contributed to the cycle's report before it was written (its answer shows them). */
    private static final Field<Boolean> CONTRIBUTED = DSL.field(name("contributed"), Boolean.class);
    /**
     * The slot's, the version's and a step's columns, in this order, and {@link #CONTRIBUTED}: a row of the first
     * report's statement.
     */
    private static final Field<?>[] FIRST_REPORT_FIELDS = Stream.of(REPORT_SLOT.fields(), PROGRESS_REPORT.fields(),
            REPORT_EVENT.fields(), new Field<?>[]{CONTRIBUTED}).flatMap(Arrays::stream).toArray(Field[]::new);

    /** The values a first report's statement binds (blank notes as '', stored as null; no unit as 0, stored as null). */
    private record FirstReportValues(long cycleId, long taskId, long unitId, CadenceAsRead asRead, OffsetDateTime at,
                                     String signature, String workDone, String phase, boolean onSchedule, String problems,
                                     String nextSteps, long actorUnitId) {

        /** In the order the statement binds them ({@link RenderedStatements#sqlWithBinds} checks it when rendering). */
        List<Object> binds(FirstReportShape shape) {
            List<Object> binds = new ArrayList<>(List.of(cycleId, taskId, unitId));
            if (shape.counts()) {
                binds.add(at);
            }
            binds.add(at);
            if (shape.checksCadence()) {
                binds.addAll(List.of(asRead.planId(), asRead.cyclesVersion(), asRead.approvalRequired()));
            }
            if (shape.submittedNow()) {
                binds.add(signature);
            }
            binds.addAll(List.of(workDone, phase, onSchedule, problems, nextSteps, signature, actorUnitId));
            if (shape.counts()) { // the second step's
                binds.add(actorUnitId);
            }
            return binds;
        }
    }

    private Query firstReportStatement(FirstReportShape shape, FirstReportValues v) {
        Table<Record1<Long>> drawn = select(REPORT_ID.nextval().as(DRAWN_ID)).asTable("drawn");
        Field<Long> id = drawn.field(DRAWN_ID, Long.class);
        var slot = name("new_slot").as(db.insertInto(REPORT_SLOT, REPORT_SLOT.CYCLE_ID, REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID,
                        REPORT_SLOT.STATE, REPORT_SLOT.LATEST_REPORT_ID, REPORT_SLOT.SUBMITTED_REPORT_ID,
                        REPORT_SLOT.FIRST_SUBMITTED_AT, REPORT_SLOT.UPDATED_AT)
                .select(select(val(v.cycleId()), val(v.taskId()), val(v.unitId()),
                        inline(shape.counts() ? ReportState.SUBMITTED : ReportState.DRAFT, REPORT_SLOT.STATE), id,
                        shape.counts() ? id : castNull(Long.class),
                        shape.counts() ? val(v.at(), REPORT_SLOT.FIRST_SUBMITTED_AT) : castNull(REPORT_SLOT.FIRST_SUBMITTED_AT),
                        val(v.at(), REPORT_SLOT.UPDATED_AT))
                        .from(drawn)
                        .where(shape.checksCadence() ? cadenceAsRead(v.asRead()) : noCondition()))
                .onConflictDoNothing()
                .returning());
        Field<OffsetDateTime> at = slot.field(REPORT_SLOT.UPDATED_AT);
        var version = name("new_version").as(db.insertInto(PROGRESS_REPORT, PROGRESS_REPORT.ID, PROGRESS_REPORT.SLOT_ID,
                        PROGRESS_REPORT.TASK_ID, PROGRESS_REPORT.UNIT_ID, PROGRESS_REPORT.CYCLE_ID, PROGRESS_REPORT.VERSION,
                        PROGRESS_REPORT.STATUS, PROGRESS_REPORT.SUBMITTED_BY, PROGRESS_REPORT.SUBMITTED_AT,
                        PROGRESS_REPORT.WORK_DONE, PROGRESS_REPORT.PHASE, PROGRESS_REPORT.ON_SCHEDULE,
                        PROGRESS_REPORT.PROBLEMS, PROGRESS_REPORT.NEXT_STEPS, PROGRESS_REPORT.CREATED_BY,
                        PROGRESS_REPORT.CREATED_AT, PROGRESS_REPORT.UPDATED_AT)
                .select(select(slot.field(REPORT_SLOT.LATEST_REPORT_ID), slot.field(REPORT_SLOT.ID),
                        slot.field(REPORT_SLOT.TASK_ID), slot.field(REPORT_SLOT.UNIT_ID), slot.field(REPORT_SLOT.CYCLE_ID),
                        inline(1), inline(shape.submittedNow() ? VersionStatus.SUBMITTED : VersionStatus.DRAFT, PROGRESS_REPORT.STATUS),
                        shape.submittedNow() ? val(v.signature()) : castNull(PROGRESS_REPORT.SUBMITTED_BY),
                        shape.submittedNow() ? at : castNull(PROGRESS_REPORT.SUBMITTED_AT),
                        val(v.workDone()), val(v.phase()), val(v.onSchedule()),
                        nullif(val(v.problems()), inline("")), nullif(val(v.nextSteps()), inline("")),
                        val(v.signature()), at, at)
                        .from(slot))
                .returning());
        List<ReportStep> steps = shape.counts() ? List.of(ReportStep.DRAFTED, ReportStep.SUBMITTED) : List.of(ReportStep.DRAFTED);
        Select<Record8<Long, Long, Integer, ReportStep, String, Long, String, OffsetDateTime>> stepRows = null;
        for (ReportStep step : steps) { // in this order: their ids follow it
            var row = select(slot.field(REPORT_SLOT.ID), slot.field(REPORT_SLOT.LATEST_REPORT_ID), inline(1),
                    inline(step, REPORT_EVENT.ACTION), version.field(PROGRESS_REPORT.CREATED_BY),
                    nullif(val(v.actorUnitId()), inline(0L)), castNull(REPORT_EVENT.COMMENT), at)
                    .from(slot).crossJoin(version);
            stepRows = stepRows == null ? row : stepRows.unionAll(row);
        }
        var history = name("new_steps").as(db.insertInto(REPORT_EVENT, REPORT_EVENT.SLOT_ID, REPORT_EVENT.REPORT_ID,
                        REPORT_EVENT.VERSION, REPORT_EVENT.ACTION, REPORT_EVENT.ACTOR, REPORT_EVENT.ACTOR_UNIT_ID,
                        REPORT_EVENT.COMMENT, REPORT_EVENT.OCCURRED_AT)
                .select(stepRows)
                .returning());
        // whether the answer has contributions to read (rarely): asked here rather than read each time (issue 14)
        Field<Boolean> contributed = DSL.field(exists(selectOne().from(REPORT_CONTRIBUTION)
                .where(REPORT_CONTRIBUTION.CYCLE_ID.eq(slot.field(REPORT_SLOT.CYCLE_ID))
                        .and(REPORT_CONTRIBUTION.TASK_ID.eq(slot.field(REPORT_SLOT.TASK_ID)))
                        .and(REPORT_CONTRIBUTION.LEAD_UNIT_ID.eq(slot.field(REPORT_SLOT.UNIT_ID)))))).as(CONTRIBUTED.getName());
        return db.with(slot, version, history)
                .select(Stream.of(slot.fields(REPORT_SLOT.fields()), version.fields(PROGRESS_REPORT.fields()),
                        history.fields(REPORT_EVENT.fields()), new Field<?>[]{contributed}).flatMap(Arrays::stream).toList())
                .from(slot).crossJoin(version).crossJoin(history)
                .orderBy(history.field(REPORT_EVENT.ID));
    }

    /** The plan's cadence row still as read ({@link CadenceAsRead}). */
    private static Condition cadenceAsRead(CadenceAsRead asRead) {
        return exists(selectOne().from(REPORTING_CADENCE).where(REPORTING_CADENCE.PLAN_ID.eq(val(asRead.planId())),
                REPORTING_CADENCE.CYCLES_VERSION.eq(val(asRead.cyclesVersion())),
                REPORTING_CADENCE.APPROVAL_REQUIRED.eq(val(asRead.approvalRequired()))));
    }

    /** The columns of {@code table} from a row of several tables' columns, starting at {@code from}, as a record. */
    private <R extends TableRecord<R>> R part(Record row, Table<R> table, int from) {
        R record = db.newRecord(table);
        Field<?>[] fields = table.fields();
        for (int i = 0; i < fields.length; i++) {
            set(record, fields[i], row.get(from + i));
        }
        record.changed(false);
        return record;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record record, Field<T> field, Object value) {
        record.set(field, (T) value);
    }

    /**
     * A draft's content saved: the text in place, measurements and links replaced, obligation records kept by id
     * (with their minutes), and the attachments named in {@code removeAttachmentIds} removed. Returns the obligation
     * records' ids in the order given.
     */
    List<Long> saveContent(long reportId, ReportContent content, TaskDetail task, Collection<Long> removeAttachmentIds,
                           Instant now) {
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
        List<Long> obligationIds = writeContent(reportId, content, task, existing);
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
        return obligationIds;
    }

    /** Writes measurements, links and obligation records; returns the records' ids in the order given. */
    List<Long> writeContent(long reportId, ReportContent c, TaskDetail task, List<Long> existingRecords) {
        Map<String, String> units = task.indicators().stream()
                .collect(HashMap::new, (m, i) -> m.put(i.name(), i.unitOfMeasure()), HashMap::putAll);
        int position = 0;
        if (!c.measurements().isEmpty()) { // one statement for all of them
            var measurements = db.insertInto(MEASUREMENT, MEASUREMENT.REPORT_ID, MEASUREMENT.INDICATOR_NAME, MEASUREMENT.VALUE,
                    MEASUREMENT.UNIT_OF_MEASURE, MEASUREMENT.AS_OF, MEASUREMENT.SOURCE, MEASUREMENT.POSITION);
            for (ReportContent.MeasurementEntry m : c.measurements()) {
                measurements = measurements.values(reportId, m.indicatorName().strip(), ReportRules.number(m.value()),
                        units.get(m.indicatorName().strip()), m.asOf(), ReportRules.blankToNull(m.source()), position++);
            }
            measurements.execute();
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
        if (!c.links().isEmpty()) {
            position = db.fetchCount(REPORT_ATTACHMENT, REPORT_ATTACHMENT.REPORT_ID.eq(reportId));
            var links = db.insertInto(REPORT_ATTACHMENT, REPORT_ATTACHMENT.REPORT_ID, REPORT_ATTACHMENT.URL,
                    REPORT_ATTACHMENT.TITLE, REPORT_ATTACHMENT.POSITION);
            for (ReportContent.LinkEntry link : c.links()) {
                links = links.values(reportId, link.url().strip(), ReportRules.blankToNull(link.title()), position++);
            }
            links.execute();
        }
        return ids;
    }

    /** Files of the report form, each on the report or on the obligation record at its index. */
    void attach(long reportId, List<Long> obligationIds, List<NewAttachment> files, Caller caller) {
        if (files.isEmpty()) {
            return;
        }
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

    /** Files added to a report or to one of its obligation records (the API's upload); returns their evidence ids. */
    List<Long> attach(long reportId, Long obligationRecordId, List<StagedFile> files, Caller caller) {
        int position = db.fetchCount(REPORT_ATTACHMENT, REPORT_ATTACHMENT.REPORT_ID.eq(reportId));
        List<Long> attached = new ArrayList<>();
        for (StagedFile file : files) {
            EvidenceFile f = evidences.record(file, caller);
            attached.add(f.id());
            db.insertInto(REPORT_ATTACHMENT).set(REPORT_ATTACHMENT.REPORT_ID, reportId)
                    .set(REPORT_ATTACHMENT.OBLIGATION_RECORD_ID, obligationRecordId)
                    .set(REPORT_ATTACHMENT.EVIDENCE_ID, f.id()).set(REPORT_ATTACHMENT.POSITION, position++).execute();
        }
        return attached;
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

    /**
     * A version's state changed from {@code from} to {@code to} (signed by {@code submitter} when it is submitted);
     * 409 when another command changed it first.
     */
    ProgressReportRecord setStatus(long reportId, VersionStatus from, VersionStatus to, Caller submitter, Instant now) {
        return db.update(PROGRESS_REPORT).set(PROGRESS_REPORT.STATUS, to)
                .set(PROGRESS_REPORT.UPDATED_AT, utc(now))
                .set(PROGRESS_REPORT.SUBMITTED_BY, submitter == null ? null : submitter.signature())
                .set(PROGRESS_REPORT.SUBMITTED_AT, submitter == null ? null : utc(now))
                .where(PROGRESS_REPORT.ID.eq(reportId).and(PROGRESS_REPORT.STATUS.eq(from)))
                .returning().fetchOptional()
                .orElseThrow(() -> new ReportConflict("progress.report.raced"));
    }

    void setSlotState(long slotId, ReportState state, Instant now) {
        db.update(REPORT_SLOT).set(REPORT_SLOT.STATE, state).set(REPORT_SLOT.UPDATED_AT, utc(now))
                .where(REPORT_SLOT.ID.eq(slotId)).execute();
    }

    /** The slot counts this version as submitted now; the first submission's time is kept. Returns the slot as stored. */
    ReportSlotRecord markSubmitted(long slotId, long reportId, OffsetDateTime firstSubmitted, Instant now) {
        return db.update(REPORT_SLOT).set(REPORT_SLOT.STATE, ReportState.SUBMITTED).set(REPORT_SLOT.SUBMITTED_REPORT_ID, reportId)
                .set(REPORT_SLOT.FIRST_SUBMITTED_AT, firstSubmitted).set(REPORT_SLOT.UPDATED_AT, utc(now))
                .where(REPORT_SLOT.ID.eq(slotId)).returning().fetchSingle();
    }

    /**
     * A correction: a new draft version copying {@code latest} (content, measurements, obligation records, files and
     * links), made the slot's latest. Returns its id.
     */
    long copyAsNewVersion(ProgressReportRecord latest, String author, Instant now) {
        long copyId = db.insertInto(PROGRESS_REPORT)
                .set(PROGRESS_REPORT.SLOT_ID, latest.getSlotId()).set(PROGRESS_REPORT.TASK_ID, latest.getTaskId())
                .set(PROGRESS_REPORT.UNIT_ID, latest.getUnitId()).set(PROGRESS_REPORT.CYCLE_ID, latest.getCycleId())
                .set(PROGRESS_REPORT.VERSION, latest.getVersion() + 1).set(PROGRESS_REPORT.SUPERSEDES_ID, latest.getId())
                .set(PROGRESS_REPORT.STATUS, VersionStatus.DRAFT)
                .set(PROGRESS_REPORT.WORK_DONE, latest.getWorkDone()).set(PROGRESS_REPORT.PHASE, latest.getPhase())
                .set(PROGRESS_REPORT.ON_SCHEDULE, latest.getOnSchedule()).set(PROGRESS_REPORT.PROBLEMS, latest.getProblems())
                .set(PROGRESS_REPORT.NEXT_STEPS, latest.getNextSteps())
                .set(PROGRESS_REPORT.CREATED_BY, author).set(PROGRESS_REPORT.CREATED_AT, utc(now))
                .set(PROGRESS_REPORT.UPDATED_AT, utc(now))
                .returning(PROGRESS_REPORT.ID).fetchOne(PROGRESS_REPORT.ID);
        copyParts(latest.getId(), copyId);
        db.update(REPORT_SLOT).set(REPORT_SLOT.LATEST_REPORT_ID, copyId).set(REPORT_SLOT.UPDATED_AT, utc(now))
                .where(REPORT_SLOT.ID.eq(latest.getSlotId())).execute();
        return copyId;
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

    /** A step in the cycle's report history (a first report's are written with it: {@link #openFirstReport}). */
    void record(long slotId, Long reportId, Integer version, ReportStep step, Caller caller, String comment, Instant at) {
        db.insertInto(REPORT_EVENT, REPORT_EVENT.SLOT_ID, REPORT_EVENT.REPORT_ID, REPORT_EVENT.VERSION,
                        REPORT_EVENT.ACTION, REPORT_EVENT.ACTOR, REPORT_EVENT.ACTOR_UNIT_ID, REPORT_EVENT.COMMENT,
                        REPORT_EVENT.OCCURRED_AT)
                .values(slotId, reportId, version, step, caller.signature(), caller.unitId() > 0 ? caller.unitId() : null,
                        comment, utc(at))
                .execute();
    }

    /** A supporting unit's contribution with its files; returns its id. */
    long insertContribution(long cycleId, long taskId, long leadUnitId, long unitId, String text,
                            List<StagedFile> files, Caller caller, Instant now) {
        long id = db.insertInto(REPORT_CONTRIBUTION)
                .set(REPORT_CONTRIBUTION.CYCLE_ID, cycleId).set(REPORT_CONTRIBUTION.TASK_ID, taskId)
                .set(REPORT_CONTRIBUTION.LEAD_UNIT_ID, leadUnitId).set(REPORT_CONTRIBUTION.UNIT_ID, unitId)
                .set(REPORT_CONTRIBUTION.TEXT, text).set(REPORT_CONTRIBUTION.CREATED_BY, caller.signature())
                .set(REPORT_CONTRIBUTION.CREATED_AT, utc(now))
                .returning(REPORT_CONTRIBUTION.ID).fetchOne(REPORT_CONTRIBUTION.ID);
        int position = 0;
        for (StagedFile file : files) {
            EvidenceFile f = evidences.record(file, caller);
            db.insertInto(CONTRIBUTION_EVIDENCE).set(CONTRIBUTION_EVIDENCE.CONTRIBUTION_ID, id)
                    .set(CONTRIBUTION_EVIDENCE.EVIDENCE_ID, f.id()).set(CONTRIBUTION_EVIDENCE.POSITION, position++)
                    .onConflictDoNothing().execute();
        }
        return id;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
