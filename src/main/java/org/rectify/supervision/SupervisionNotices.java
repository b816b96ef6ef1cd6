package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.platform.ConflictException;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.EvidenceNotFound;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.rectify.supervision.internal.db.Tables.NOTICE_COUNTER;
import static org.rectify.supervision.internal.db.Tables.NOTICE_EVIDENCE;
import static org.rectify.supervision.internal.db.Tables.NOTICE_REPLY_SENT_BACK;
import static org.rectify.supervision.internal.db.Tables.SUPERVISION_NOTICE;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;

/**
 * Supervision notices (督办单): the office or the supervision office issues one on a task with demands
 * and a reply-by date; the task's lead units reply, with evidence files if they like. A notice unanswered past its
 * date, or answered late, raises the task's warning (see {@link WarningPolicy}); a late answer tells the issuer so.
 */
@Service
@Transactional
public class SupervisionNotices {

    private final DSLContext db;
    private final TaskLedger tasks;
    private final Warnings warnings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NoticeNumbering numbering;
    private final Evidences evidences;
    private final IssuingOffice issuingOffice;

    SupervisionNotices(DSLContext db, TaskLedger tasks, Warnings warnings, ApplicationEventPublisher events, Clock clock,
                       @Value("${rectify.supervision.notice-number:督〔{0}〕{1}号}") String numberPattern,
                       Evidences evidences, IssuingOffice issuingOffice) {
        this.issuingOffice = issuingOffice;
        this.db = db;
        this.tasks = tasks;
        this.warnings = warnings;
        this.events = events;
        this.evidences = evidences;
        this.clock = clock;
        this.numbering = new NoticeNumbering(numberPattern);
    }

    public long issue(long taskId, String demands, LocalDate replyBy, Caller caller) {
        tasks.get(taskId, caller.scope());
        if (!mayIssue(caller)) {
            throw new ForbiddenException("supervision.notice.forbidden");
        }
        TaskDetail task = tasks.governed(taskId, caller); // a task of another office's plan: not found
        LocalDate today = warnings.today();
        Map<String, String> errors = new LinkedHashMap<>();
        if (demands == null || demands.isBlank()) {
            errors.put("demands", "supervision.notice.demandsRequired");
        }
        if (replyBy == null || !replyBy.isAfter(today)) {
            errors.put("replyBy", "supervision.notice.replyByFuture");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        if (!task.status().isOpen()) {
            throw new ConflictException("supervision.notice.taskNotOpen");
        }
        int year = today.getYear();
        int seq = db.insertInto(NOTICE_COUNTER).set(NOTICE_COUNTER.YEAR, year).set(NOTICE_COUNTER.LAST, 1)
                .onConflict(NOTICE_COUNTER.YEAR).doUpdate().set(NOTICE_COUNTER.LAST, NOTICE_COUNTER.LAST.plus(1))
                .returning(NOTICE_COUNTER.LAST).fetchOne(NOTICE_COUNTER.LAST);
        String level = db.select(TASK_WARNING.LEVEL).from(TASK_WARNING).where(TASK_WARNING.TASK_ID.eq(taskId))
                .fetchOptional(TASK_WARNING.LEVEL).orElse(WarningLevel.NONE.name());
        String number = numbering.format(year, seq);
        long id = db.insertInto(SUPERVISION_NOTICE).set(SUPERVISION_NOTICE.TASK_ID, taskId)
                .set(SUPERVISION_NOTICE.YEAR, year).set(SUPERVISION_NOTICE.SEQ, seq).set(SUPERVISION_NOTICE.NUMBER, number)
                .set(SUPERVISION_NOTICE.DEMANDS, demands.strip()).set(SUPERVISION_NOTICE.REPLY_BY, replyBy)
                .set(SUPERVISION_NOTICE.LEVEL, level).set(SUPERVISION_NOTICE.ISSUED_BY, caller.displayName())
                .set(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID, caller.accountId() == 0 ? null : caller.accountId())
                .set(SUPERVISION_NOTICE.ISSUER_UNIT, issuingOffice.nameFor(caller))
                .set(SUPERVISION_NOTICE.ISSUED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .returning(SUPERVISION_NOTICE.ID).fetchOne(SUPERVISION_NOTICE.ID);
        events.publishEvent(new NoticeIssued(id, taskId, number, replyBy, caller.signature(), clock.instant()));
        return id;
    }

    /**
     * Checks a reply before any file is streamed: the page and the API check, then stage the files, then
     * {@link #reply}, so a refused reply costs no upload. Writes nothing.
     */
    @Transactional(readOnly = true)
    public void checkReply(long noticeId, String text, Caller caller) {
        requireMayReply(get(noticeId, caller.scope()), text, caller);
    }

    /**
     * The lead unit's answer (or the office's on its behalf), once, with the evidence files staged for it. One
     * transaction: when anything is refused nothing is kept, the notice stays unanswered and no evidence is linked.
     * A file the evidence store refused never gets here: staging it threw first.
     */
    public SupervisionNotice reply(long noticeId, String text, List<StagedFile> files, Caller caller) {
        SupervisionNotice notice = get(noticeId, caller.scope());
        requireMayReply(notice, text, caller);
        Instant now = clock.instant();
        boolean late = warnings.today().isAfter(notice.replyBy());
        int updated = db.update(SUPERVISION_NOTICE).set(SUPERVISION_NOTICE.REPLY_TEXT, text.strip())
                .set(SUPERVISION_NOTICE.REPLIED_BY, caller.signature())
                .set(SUPERVISION_NOTICE.REPLIED_AT, now.atOffset(ZoneOffset.UTC))
                .set(SUPERVISION_NOTICE.REPLIED_LATE, late)
                .where(SUPERVISION_NOTICE.ID.eq(noticeId).and(SUPERVISION_NOTICE.REPLIED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.notice.alreadyAnswered", notice.number());
        }
        int position = 0;
        for (StagedFile file : files) {
            EvidenceFile kept = evidences.record(file, caller);
            db.insertInto(NOTICE_EVIDENCE).set(NOTICE_EVIDENCE.NOTICE_ID, noticeId)
                    .set(NOTICE_EVIDENCE.EVIDENCE_ID, kept.id()).set(NOTICE_EVIDENCE.POSITION, position++).execute();
        }
        Long issuer = db.select(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID).from(SUPERVISION_NOTICE)
                .where(SUPERVISION_NOTICE.ID.eq(noticeId)).fetchOne(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID);
        events.publishEvent(new NoticeAnswered(noticeId, notice.taskId(), notice.number(), late, issuer, caller.signature(), now));
        warnings.recompute(notice.taskId(), warnings.today());
        return get(noticeId, caller.scope());
    }

    /** Whether the caller may accept or send back this notice's reply: its issuer, or the office governing the task. */
    @Transactional(readOnly = true)
    public boolean mayReview(SupervisionNotice notice, Caller caller) {
        return notice.isAnswered() && !notice.isDone() && reviews(notice, caller);
    }

    private boolean reviews(SupervisionNotice notice, Caller caller) {
        Long issuer = db.select(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID).from(SUPERVISION_NOTICE)
                .where(SUPERVISION_NOTICE.ID.eq(notice.id())).fetchOne(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID);
        return (issuer != null && issuer == caller.accountId())
                || (caller.role().managesTasks() && tasks.isGovernedBy(notice.taskId(), caller));
    }

    /** The issuer accepts the reply: the notice is done. */
    public SupervisionNotice accept(long noticeId, Caller caller) {
        SupervisionNotice notice = reviewable(noticeId, caller);
        Instant now = clock.instant();
        int updated = db.update(SUPERVISION_NOTICE).set(SUPERVISION_NOTICE.ACCEPTED_AT, now.atOffset(ZoneOffset.UTC))
                .set(SUPERVISION_NOTICE.ACCEPTED_BY, caller.signature())
                .where(SUPERVISION_NOTICE.ID.eq(noticeId).and(SUPERVISION_NOTICE.REPLIED_AT.isNotNull())
                        .and(SUPERVISION_NOTICE.ACCEPTED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.notice.notReviewable", notice.number());
        }
        events.publishEvent(new NoticeReplyReviewed(noticeId, notice.taskId(), notice.number(), true, null,
                caller.signature(), now));
        return get(noticeId, caller.scope());
    }

    /**
     * The issuer sends the reply back, saying why: the reply is kept on the record, the notice is unanswered again
     * (its reply-by date applies as before) and the lead units are told.
     */
    public SupervisionNotice sendBack(long noticeId, String comment, Caller caller) {
        SupervisionNotice notice = reviewable(noticeId, caller);
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException(Map.of("comment", "supervision.notice.sendBackComment"),
                    "supervision.notice.sendBackComment");
        }
        Instant now = clock.instant();
        int updated = db.update(SUPERVISION_NOTICE).setNull(SUPERVISION_NOTICE.REPLY_TEXT).setNull(SUPERVISION_NOTICE.REPLIED_BY)
                .setNull(SUPERVISION_NOTICE.REPLIED_AT).set(SUPERVISION_NOTICE.REPLIED_LATE, false)
                .where(SUPERVISION_NOTICE.ID.eq(noticeId).and(SUPERVISION_NOTICE.REPLIED_AT.eq(notice.repliedAt()))
                        .and(SUPERVISION_NOTICE.ACCEPTED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.notice.notReviewable", notice.number());
        }
        db.insertInto(NOTICE_REPLY_SENT_BACK).set(NOTICE_REPLY_SENT_BACK.NOTICE_ID, noticeId)
                .set(NOTICE_REPLY_SENT_BACK.REPLY_TEXT, notice.replyText()).set(NOTICE_REPLY_SENT_BACK.REPLIED_BY, notice.repliedBy())
                .set(NOTICE_REPLY_SENT_BACK.REPLIED_AT, notice.repliedAt()).set(NOTICE_REPLY_SENT_BACK.COMMENT, comment.strip())
                .set(NOTICE_REPLY_SENT_BACK.SENT_BACK_BY, caller.signature())
                .set(NOTICE_REPLY_SENT_BACK.SENT_BACK_AT, now.atOffset(ZoneOffset.UTC)).execute();
        events.publishEvent(new NoticeReplyReviewed(noticeId, notice.taskId(), notice.number(), false, comment.strip(),
                caller.signature(), now));
        warnings.recompute(notice.taskId(), warnings.today());
        return get(noticeId, caller.scope());
    }

    private SupervisionNotice reviewable(long noticeId, Caller caller) {
        SupervisionNotice notice = get(noticeId, caller.scope());
        if (!reviews(notice, caller)) {
            throw new ForbiddenException("supervision.notice.reviewForbidden");
        }
        if (!notice.isAnswered() || notice.isDone()) {
            throw new ConflictException("supervision.notice.notReviewable", notice.number());
        }
        return notice;
    }

    /** The notices the caller issued whose reply waits for the caller's acceptance, oldest answer first. */
    @Transactional(readOnly = true)
    public List<SupervisionNotice> repliesToAccept(Caller caller) {
        return query(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID.eq(caller.accountId())
                .and(SUPERVISION_NOTICE.REPLIED_AT.isNotNull()).and(SUPERVISION_NOTICE.ACCEPTED_AT.isNull()), caller.scope())
                .stream().sorted(java.util.Comparator.comparing(SupervisionNotice::repliedAt)).toList();
    }

    /** A reply without files. */
    public SupervisionNotice reply(long noticeId, String text, Caller caller) {
        return reply(noticeId, text, List.of(), caller);
    }

    /** A file sent with a notice's reply, to whoever may see the notice (its task in their scope); 404 otherwise. */
    @Transactional(readOnly = true)
    public EvidenceFile evidence(long noticeId, long evidenceId, DataScope scope) {
        return get(noticeId, scope).evidence().stream().filter(f -> f.id() == evidenceId).findFirst()
                .orElseThrow(() -> new EvidenceNotFound(evidenceId));
    }

    /** Whether the caller may answer this notice now: a lead unit's staff or head, or the office on its behalf. */
    @Transactional(readOnly = true)
    public boolean mayReply(SupervisionNotice notice, Caller caller) {
        return !notice.isAnswered() && answersFor(notice, caller);
    }

    private boolean answersFor(SupervisionNotice notice, Caller caller) {
        boolean leads = !caller.scope().isAll() && tasks.isLedFrom(notice.taskId(), caller.scope().unitPath());
        return caller.role().managesTasks() || (caller.role().isUnitRole() && leads);
    }

    private void requireMayReply(SupervisionNotice notice, String text, Caller caller) {
        if (!answersFor(notice, caller)) {
            throw new ForbiddenException("supervision.notice.replyForbidden");
        }
        if (notice.isAnswered()) {
            throw new ConflictException("supervision.notice.alreadyAnswered", notice.number());
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(Map.of("reply", "supervision.notice.replyRequired"), "supervision.notice.replyRequired");
        }
    }

    @Transactional(readOnly = true)
    public SupervisionNotice get(long noticeId, DataScope scope) {
        return query(SUPERVISION_NOTICE.ID.eq(noticeId), scope).stream().findFirst()
                .orElseThrow(() -> new NoticeNotFound(noticeId));
    }

    /** Notices in the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public List<SupervisionNotice> all(DataScope scope) {
        return query(org.jooq.impl.DSL.noCondition(), scope);
    }

    /** Unit staff and heads: the unanswered notices on tasks their unit (or a unit below it) leads, earliest date first. */
    @Transactional(readOnly = true)
    public List<SupervisionNotice> awaitingAnswerFrom(Caller caller) {
        if (!caller.role().isUnitRole()) {
            return List.of();
        }
        return query(SUPERVISION_NOTICE.REPLIED_AT.isNull().and(TaskConditions.ledFrom(caller.scope().unitPath())),
                caller.scope()).stream().sorted(java.util.Comparator.comparing(SupervisionNotice::replyBy)).toList();
    }

    @Transactional(readOnly = true)
    public List<SupervisionNotice> ofTask(long taskId, DataScope scope) {
        return query(SUPERVISION_NOTICE.TASK_ID.eq(taskId), scope);
    }

    public static boolean mayIssue(Caller caller) {
        return caller.role().managesTasks() || caller.role() == Role.SUPERVISOR;
    }

    private List<SupervisionNotice> query(Condition which, DataScope scope) {
        var rows = db.select(SUPERVISION_NOTICE.asterisk(), TASK.REF, TASK.TITLE, TASK.TEXT)
                .from(SUPERVISION_NOTICE).join(TASK).on(TASK.ID.eq(SUPERVISION_NOTICE.TASK_ID))
                .where(which.and(TaskConditions.officeRowsFor(scope)))
                .orderBy(SUPERVISION_NOTICE.ISSUED_AT.desc(), SUPERVISION_NOTICE.ID.desc())
                .limit(WarningBoard.MAX_ROWS).fetch();
        Map<Long, List<String>> leads = tasks.leadUnitNames(rows.map(r -> r.get(SUPERVISION_NOTICE.TASK_ID)));
        Map<Long, List<EvidenceFile>> files = evidenceOf(rows.stream().filter(r -> r.get(SUPERVISION_NOTICE.REPLIED_AT) != null)
                .map(r -> r.get(SUPERVISION_NOTICE.ID)).toList());
        Map<Long, List<SupervisionNotice.SentBack>> sentBack = sentBackOf(rows.map(r -> r.get(SUPERVISION_NOTICE.ID)));
        return rows.map(r -> toNotice(r, leads.getOrDefault(r.get(SUPERVISION_NOTICE.TASK_ID), List.of()),
                files.getOrDefault(r.get(SUPERVISION_NOTICE.ID), List.of()),
                sentBack.getOrDefault(r.get(SUPERVISION_NOTICE.ID), List.of())));
    }

    /** The replies sent back on these notices, oldest first. */
    private Map<Long, List<SupervisionNotice.SentBack>> sentBackOf(List<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(NOTICE_REPLY_SENT_BACK).where(NOTICE_REPLY_SENT_BACK.NOTICE_ID.in(noticeIds))
                .orderBy(NOTICE_REPLY_SENT_BACK.ID).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getNoticeId(), Collectors.mapping(r -> new SupervisionNotice.SentBack(
                        r.getReplyText(), r.getRepliedBy(), r.getRepliedAt(), r.getComment(), r.getSentBackBy(),
                        r.getSentBackAt()), Collectors.toList())));
    }

    /** The files sent with these notices' replies, in the order they were sent. */
    private Map<Long, List<EvidenceFile>> evidenceOf(List<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Map.of();
        }
        return evidences.filesByOwner(db.select(NOTICE_EVIDENCE.NOTICE_ID, NOTICE_EVIDENCE.EVIDENCE_ID)
                .from(NOTICE_EVIDENCE).where(NOTICE_EVIDENCE.NOTICE_ID.in(noticeIds))
                .orderBy(NOTICE_EVIDENCE.NOTICE_ID, NOTICE_EVIDENCE.POSITION).fetch());
    }

    private static SupervisionNotice toNotice(Record r, List<String> leadUnits, List<EvidenceFile> evidence,
                                              List<SupervisionNotice.SentBack> sentBack) {
        return new SupervisionNotice(r.get(SUPERVISION_NOTICE.ID), r.get(SUPERVISION_NOTICE.TASK_ID), r.get(TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(TASK.TITLE), r.get(TASK.TEXT)), leadUnits, r.get(SUPERVISION_NOTICE.NUMBER),
                r.get(SUPERVISION_NOTICE.DEMANDS), r.get(SUPERVISION_NOTICE.REPLY_BY),
                WarningLevel.valueOf(r.get(SUPERVISION_NOTICE.LEVEL)), r.get(SUPERVISION_NOTICE.ISSUED_BY),
                r.get(SUPERVISION_NOTICE.ISSUER_UNIT), r.get(SUPERVISION_NOTICE.ISSUED_AT), r.get(SUPERVISION_NOTICE.REPLY_TEXT),
                r.get(SUPERVISION_NOTICE.REPLIED_BY), r.get(SUPERVISION_NOTICE.REPLIED_AT), evidence,
                r.get(SUPERVISION_NOTICE.ACCEPTED_AT), r.get(SUPERVISION_NOTICE.ACCEPTED_BY), sentBack);
    }
}
