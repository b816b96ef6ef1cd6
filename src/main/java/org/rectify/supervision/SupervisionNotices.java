package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.ConflictException;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.EvidenceNotFound;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.rectify.units.Units;
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

import static org.rectify.supervision.internal.db.Tables.NOTICE_ANSWER;
import static org.rectify.supervision.internal.db.Tables.NOTICE_COUNTER;
import static org.rectify.supervision.internal.db.Tables.NOTICE_EVIDENCE;
import static org.rectify.supervision.internal.db.Tables.NOTICE_REPLY_SENT_BACK;
import static org.rectify.supervision.internal.db.Tables.SUPERVISION_NOTICE;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;

/**
 * Supervision notices (督办单): the office or the supervision office issues one on a task with demands
 * and a reply-by date; the task's lead units reply, with evidence files if they like. A notice unanswered past its
 * date, or answered late, raises the task's warning (see {@link WarningPolicy}); a late answer tells the issuer so.
 */
@Service
@Transactional
public class SupervisionNotices {

    /**
     * What the to-do reads of a kind it lists (answers to review, notices to answer): the newest 500, as before the
     * lists were paged; the to-do shows the first few with a count and links to the paged list for the rest.
     */
    private static final Paging TO_DO = new Paging(0, 500);

    private final DSLContext db;
    private final TaskLedger tasks;
    private final Warnings warnings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NoticeNumbering numbering;
    private final Evidences evidences;
    private final IssuingOffice issuingOffice;
    private final Units units;
    private final org.rectify.platform.KeptTotals totals;

    SupervisionNotices(DSLContext db, TaskLedger tasks, Warnings warnings, ApplicationEventPublisher events, Clock clock,
                       @Value("${rectify.supervision.notice-number:督〔{0}〕{1}号}") String numberPattern,
                       Evidences evidences, IssuingOffice issuingOffice, Units units,
                       org.rectify.supervision.internal.SupervisionTotals totals) {
        this.totals = totals.totals();
        this.issuingOffice = issuingOffice;
        this.units = units;
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
        addressAnswers(id, task, issuingOffice.nameFor(caller));
        events.publishEvent(new NoticeIssued(id, taskId, number, replyBy, caller.signature(), clock.instant()));
        return id;
    }

    /** One pending answer per lead unit of the task (a group's members one by one); the office's when it has none. */
    private void addressAnswers(long noticeId, TaskDetail task, String office) {
        List<org.rectify.plans.AssignedUnit> leads = task.leadUnits().stream()
                .collect(Collectors.toMap(org.rectify.plans.AssignedUnit::unitId, u -> u, (x, y) -> x, LinkedHashMap::new))
                .values().stream().toList();
        if (leads.isEmpty()) {
            db.insertInto(NOTICE_ANSWER).set(NOTICE_ANSWER.NOTICE_ID, noticeId).set(NOTICE_ANSWER.UNIT_NAME, office).execute();
        }
        int position = 0;
        for (org.rectify.plans.AssignedUnit unit : leads) {
            db.insertInto(NOTICE_ANSWER).set(NOTICE_ANSWER.NOTICE_ID, noticeId).set(NOTICE_ANSWER.UNIT_ID, unit.unitId())
                    .set(NOTICE_ANSWER.UNIT_NAME, unit.unitName()).set(NOTICE_ANSWER.POSITION, position++).execute();
        }
    }

    /**
     * Checks a reply before any file is streamed: the page and the API check, then stage the files, then
     * {@link #reply}, so a refused reply costs no upload. Writes nothing.
     */
    @Transactional(readOnly = true)
    public void checkReply(long noticeId, Long unitId, String text, Caller caller) {
        requireMayReply(get(noticeId, caller.scope()), unitId, text, caller);
    }

    /**
     * One lead unit's answer (or the office's on its behalf), once, with the evidence files staged for it; {@code unitId}
     * names the lead unit answered for, and may be left out when the caller answers for one pending unit only. One
     * transaction: when anything is refused nothing is kept, the answer stays pending and no evidence is linked. A file
     * the evidence store refused never gets here: staging it threw first. The notice counts as answered when every lead
     * unit has answered.
     */
    public SupervisionNotice reply(long noticeId, Long unitId, String text, List<StagedFile> files, Caller caller) {
        SupervisionNotice notice = get(noticeId, caller.scope());
        NoticeAnswer answer = requireMayReply(notice, unitId, text, caller);
        Instant now = clock.instant();
        boolean late = warnings.today().isAfter(notice.replyBy());
        int updated = db.update(NOTICE_ANSWER).set(NOTICE_ANSWER.REPLY_TEXT, text.strip())
                .set(NOTICE_ANSWER.REPLIED_BY, caller.signature()).set(NOTICE_ANSWER.REPLIED_AT, now.atOffset(ZoneOffset.UTC))
                .set(NOTICE_ANSWER.REPLIED_LATE, late)
                .where(NOTICE_ANSWER.ID.eq(answer.id()).and(NOTICE_ANSWER.REPLIED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.notice.alreadyAnswered", notice.number());
        }
        int position = 0;
        for (StagedFile file : files) {
            EvidenceFile kept = evidences.record(file, caller);
            db.insertInto(NOTICE_EVIDENCE).set(NOTICE_EVIDENCE.NOTICE_ID, noticeId).set(NOTICE_EVIDENCE.ANSWER_ID, answer.id())
                    .set(NOTICE_EVIDENCE.EVIDENCE_ID, kept.id()).set(NOTICE_EVIDENCE.POSITION, position++).execute();
        }
        summarise(noticeId);
        Long issuer = db.select(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID).from(SUPERVISION_NOTICE)
                .where(SUPERVISION_NOTICE.ID.eq(noticeId)).fetchOne(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID);
        events.publishEvent(new NoticeAnswered(noticeId, notice.taskId(), notice.number(), late, issuer, caller.signature(),
                now, answer.unitName()));
        warnings.recompute(notice.taskId(), warnings.today());
        return get(noticeId, caller.scope());
    }

    /** Whether the caller may accept or send back an answer of this notice now: its issuer, or the office governing the task. */
    @Transactional(readOnly = true)
    public boolean mayReview(SupervisionNotice notice, Caller caller) {
        return notice.answers().stream().anyMatch(NoticeAnswer::awaitsReview) && reviews(notice, caller);
    }

    private boolean reviews(SupervisionNotice notice, Caller caller) {
        Long issuer = db.select(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID).from(SUPERVISION_NOTICE)
                .where(SUPERVISION_NOTICE.ID.eq(notice.id())).fetchOne(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID);
        return (issuer != null && issuer == caller.accountId())
                || (caller.role().managesTasks() && tasks.isGovernedBy(notice.taskId(), caller));
    }

    /** The issuer accepts one lead unit's answer; the notice is done when every answer is accepted. */
    public SupervisionNotice accept(long noticeId, Long unitId, Caller caller) {
        SupervisionNotice notice = reviewable(noticeId, caller);
        NoticeAnswer answer = NoticeAnswerChoice.of(notice.answers(), unitId, NoticeAnswer::awaitsReview,
                "supervision.notice.notReviewable", notice.number());
        Instant now = clock.instant();
        int updated = db.update(NOTICE_ANSWER).set(NOTICE_ANSWER.ACCEPTED_AT, now.atOffset(ZoneOffset.UTC))
                .set(NOTICE_ANSWER.ACCEPTED_BY, caller.signature())
                .where(NOTICE_ANSWER.ID.eq(answer.id()).and(NOTICE_ANSWER.REPLIED_AT.isNotNull())
                        .and(NOTICE_ANSWER.ACCEPTED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.notice.notReviewable", notice.number());
        }
        summarise(noticeId);
        events.publishEvent(new NoticeReplyReviewed(noticeId, notice.taskId(), notice.number(), true, null,
                caller.signature(), now, answer.unitId(), answer.unitName()));
        return get(noticeId, caller.scope());
    }

    /**
     * The issuer sends one lead unit's answer back, saying why: the answer is kept on the record, that unit's answer is
     * pending again (the notice's reply-by date applies as before) and the unit is told.
     */
    public SupervisionNotice sendBack(long noticeId, Long unitId, String comment, Caller caller) {
        SupervisionNotice notice = reviewable(noticeId, caller);
        NoticeAnswer answer = NoticeAnswerChoice.of(notice.answers(), unitId, NoticeAnswer::awaitsReview,
                "supervision.notice.notReviewable", notice.number());
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException(Map.of("comment", "supervision.notice.sendBackComment"),
                    "supervision.notice.sendBackComment");
        }
        Instant now = clock.instant();
        int updated = db.update(NOTICE_ANSWER).setNull(NOTICE_ANSWER.REPLY_TEXT).setNull(NOTICE_ANSWER.REPLIED_BY)
                .setNull(NOTICE_ANSWER.REPLIED_AT).set(NOTICE_ANSWER.REPLIED_LATE, false)
                .where(NOTICE_ANSWER.ID.eq(answer.id()).and(NOTICE_ANSWER.REPLIED_AT.eq(answer.repliedAt()))
                        .and(NOTICE_ANSWER.ACCEPTED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.notice.notReviewable", notice.number());
        }
        db.update(NOTICE_EVIDENCE).setNull(NOTICE_EVIDENCE.ANSWER_ID).where(NOTICE_EVIDENCE.ANSWER_ID.eq(answer.id())).execute();
        db.insertInto(NOTICE_REPLY_SENT_BACK).set(NOTICE_REPLY_SENT_BACK.NOTICE_ID, noticeId)
                .set(NOTICE_REPLY_SENT_BACK.UNIT_NAME, answer.unitName())
                .set(NOTICE_REPLY_SENT_BACK.REPLY_TEXT, answer.replyText()).set(NOTICE_REPLY_SENT_BACK.REPLIED_BY, answer.repliedBy())
                .set(NOTICE_REPLY_SENT_BACK.REPLIED_AT, answer.repliedAt()).set(NOTICE_REPLY_SENT_BACK.COMMENT, comment.strip())
                .set(NOTICE_REPLY_SENT_BACK.SENT_BACK_BY, caller.signature())
                .set(NOTICE_REPLY_SENT_BACK.SENT_BACK_AT, now.atOffset(ZoneOffset.UTC)).execute();
        summarise(noticeId);
        events.publishEvent(new NoticeReplyReviewed(noticeId, notice.taskId(), notice.number(), false, comment.strip(),
                caller.signature(), now, answer.unitId(), answer.unitName()));
        warnings.recompute(notice.taskId(), warnings.today());
        return get(noticeId, caller.scope());
    }

    private SupervisionNotice reviewable(long noticeId, Caller caller) {
        SupervisionNotice notice = get(noticeId, caller.scope());
        if (!reviews(notice, caller)) {
            throw new ForbiddenException("supervision.notice.reviewForbidden");
        }
        if (notice.answers().stream().noneMatch(NoticeAnswer::awaitsReview)) {
            throw new ConflictException("supervision.notice.notReviewable", notice.number());
        }
        return notice;
    }

    /**
     * The notice's summary from its answers: answered when every lead unit has (at the last answer; late if any answer
     * was), done when every answer is accepted. The warning rules and the indexes read the summary.
     */
    private void summarise(long noticeId) {
        var a = NOTICE_ANSWER;
        var row = db.select(DSL.count(), DSL.count(a.REPLIED_AT), DSL.count(a.ACCEPTED_AT), DSL.max(a.REPLIED_AT),
                        DSL.boolOr(a.REPLIED_LATE), DSL.max(a.ACCEPTED_AT))
                .from(a).where(a.NOTICE_ID.eq(noticeId)).fetchOne();
        int all = row.value1();
        boolean answered = all > 0 && row.value2() == all;
        boolean accepted = answered && row.value3() == all;
        String acceptedBy = accepted ? db.select(a.ACCEPTED_BY).from(a).where(a.NOTICE_ID.eq(noticeId))
                .orderBy(a.ACCEPTED_AT.desc()).limit(1).fetchOne(a.ACCEPTED_BY) : null;
        db.update(SUPERVISION_NOTICE)
                .set(SUPERVISION_NOTICE.REPLIED_AT, answered ? row.value4() : null)
                .set(SUPERVISION_NOTICE.REPLIED_LATE, answered && Boolean.TRUE.equals(row.value5()))
                .set(SUPERVISION_NOTICE.ACCEPTED_AT, accepted ? row.value6() : null)
                .set(SUPERVISION_NOTICE.ACCEPTED_BY, acceptedBy)
                .where(SUPERVISION_NOTICE.ID.eq(noticeId)).execute();
    }

    /** One answer per answer awaiting the caller's decision, on the notices the caller issued, oldest answer first. */
    @Transactional(readOnly = true)
    public List<AnswerToReview> answersToReview(Caller caller) {
        return query(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID.eq(caller.accountId()).and(DSL.exists(DSL.selectOne()
                .from(NOTICE_ANSWER).where(NOTICE_ANSWER.NOTICE_ID.eq(SUPERVISION_NOTICE.ID)
                        .and(NOTICE_ANSWER.REPLIED_AT.isNotNull()).and(NOTICE_ANSWER.ACCEPTED_AT.isNull())))), caller.scope(), TO_DO)
                .stream().flatMap(n -> n.answers().stream().filter(NoticeAnswer::awaitsReview).map(a -> new AnswerToReview(n, a)))
                .sorted(java.util.Comparator.comparing(r -> r.answer().repliedAt())).toList();
    }

    /**
     * The {@code limit} oldest answers awaiting the caller's decision (the to-do's first few: a province's root office
     * has hundreds): only their notices are read.
     */
    @Transactional(readOnly = true)
    public List<AnswerToReview> answersToReview(Caller caller, int limit) {
        List<Long> noticeIds = awaitingReview(caller, db.select(NOTICE_ANSWER.NOTICE_ID))
                .orderBy(NOTICE_ANSWER.REPLIED_AT, NOTICE_ANSWER.ID).limit(limit).fetch(NOTICE_ANSWER.NOTICE_ID);
        return query(SUPERVISION_NOTICE.ID.in(noticeIds), caller.scope(), null).stream()
                .flatMap(n -> n.answers().stream().filter(NoticeAnswer::awaitsReview).map(a -> new AnswerToReview(n, a)))
                .sorted(java.util.Comparator.comparing(r -> r.answer().repliedAt())).limit(limit).toList();
    }

    /** How many answers await the caller's decision: all of them, as {@link #answersToReview} lists them (counted, not read). */
    @Transactional(readOnly = true)
    public int answersToReviewCount(Caller caller) {
        return db.fetchCount(awaitingReview(caller, db.selectOne()));
    }

    /** The answers to the caller's notices that wait on its decision, in its scope. */
    private <R extends Record> SelectConditionStep<R> awaitingReview(Caller caller, SelectSelectStep<R> select) {
        return select.from(NOTICE_ANSWER)
                .join(SUPERVISION_NOTICE).on(SUPERVISION_NOTICE.ID.eq(NOTICE_ANSWER.NOTICE_ID))
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(SUPERVISION_NOTICE.TASK_ID))
                .where(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID.eq(caller.accountId()).and(NOTICE_ANSWER.REPLIED_AT.isNotNull())
                        .and(NOTICE_ANSWER.ACCEPTED_AT.isNull()).and(TaskConditions.PUBLISHED.officeRowsFor(caller.scope())));
    }

    /** An answer of a notice, waiting for the issuer's decision. */
    public record AnswerToReview(SupervisionNotice notice, NoticeAnswer answer) {
    }

    /** A reply without files. */
    public SupervisionNotice reply(long noticeId, Long unitId, String text, Caller caller) {
        return reply(noticeId, unitId, text, List.of(), caller);
    }

    /** A file sent with a notice's answer, to whoever may see the notice (its task in their scope); 404 otherwise. */
    @Transactional(readOnly = true)
    public EvidenceFile evidence(long noticeId, long evidenceId, DataScope scope) {
        SupervisionNotice notice = get(noticeId, scope);
        return java.util.stream.Stream.concat(notice.evidence().stream(), sentBackEvidence(noticeId).stream())
                .filter(f -> f.id() == evidenceId).findFirst().orElseThrow(() -> new EvidenceNotFound(evidenceId));
    }

    /** Whether the caller may answer this notice now for some lead unit: its staff or head, or the office on its behalf. */
    @Transactional(readOnly = true)
    public boolean mayReply(SupervisionNotice notice, Caller caller) {
        return !pendingFor(notice, caller).isEmpty();
    }

    /** The lead units' answers the caller may give now: those of units at or below the caller's unit; the office all. */
    @Transactional(readOnly = true)
    public List<NoticeAnswer> pendingFor(SupervisionNotice notice, Caller caller) {
        return answerableBy(notice, caller).stream().filter(a -> !a.isAnswered()).toList();
    }

    /** The lead units' answers that are the caller's to give, answered or not: what its page of the notice shows. */
    @Transactional(readOnly = true)
    public CallersAnswers answersOf(SupervisionNotice notice, Caller caller) {
        return new CallersAnswers(answerableBy(notice, caller));
    }

    /** The answers a caller may give on a notice ({@link #answersOf}), read once for its page. */
    public record CallersAnswers(List<NoticeAnswer> own) {

        /** Those not given yet. */
        public List<NoticeAnswer> pending() {
            return own.stream().filter(a -> !a.isAnswered()).toList();
        }

        public boolean mayReply() {
            return !pending().isEmpty();
        }

        /** The caller had answers to give and has given them all: its page says so, not "awaiting reply". */
        public boolean answeredAll() {
            return !own.isEmpty() && pending().isEmpty();
        }
    }

    private List<NoticeAnswer> answerableBy(SupervisionNotice notice, Caller caller) {
        if (caller.role().managesTasks()) {
            return notice.answers();
        }
        if (!caller.role().isUnitRole() || caller.scope().isAll()) {
            return List.of();
        }
        String own = caller.scope().unitPath();
        Map<Long, String> paths = units.paths(notice.answers().stream().map(NoticeAnswer::unitId)
                .filter(java.util.Objects::nonNull).toList());
        return notice.answers().stream().filter(a -> a.unitId() != null && paths.getOrDefault(a.unitId(), "").startsWith(own))
                .toList();
    }

    private NoticeAnswer requireMayReply(SupervisionNotice notice, Long unitId, String text, Caller caller) {
        List<NoticeAnswer> mine = answerableBy(notice, caller);
        if (unitId != null && notice.answers().stream().noneMatch(a -> unitId.equals(a.unitId()))) {
            throw new InvalidInputException(Map.of("unitId", "supervision.notice.notALeadUnit"), "supervision.notice.notALeadUnit");
        }
        if (mine.isEmpty() || (unitId != null && mine.stream().noneMatch(a -> unitId.equals(a.unitId())))) {
            throw new ForbiddenException("supervision.notice.replyForbidden");
        }
        NoticeAnswer answer = NoticeAnswerChoice.of(mine, unitId, a -> !a.isAnswered(), "supervision.notice.alreadyAnswered",
                notice.number());
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(Map.of("reply", "supervision.notice.replyRequired"), "supervision.notice.replyRequired");
        }
        return answer;
    }

    @Transactional(readOnly = true)
    public SupervisionNotice get(long noticeId, DataScope scope) {
        return query(SUPERVISION_NOTICE.ID.eq(noticeId), scope, null).stream().findFirst()
                .orElseThrow(() -> new NoticeNotFound(noticeId));
    }

    /** Every notice in the caller's scope, newest first: an export's rows. */
    @Transactional(readOnly = true)
    public List<SupervisionNotice> all(DataScope scope) {
        return query(org.jooq.impl.DSL.noCondition(), scope, null);
    }

    /**
     * A page of the notices in the caller's scope, newest first (the page read along {@code supervision_notice_issued_idx},
     * V47), with their total: exact up to {@link org.rectify.platform.KeptTotals#EXACT_UP_TO}, above it counted once and
     * kept until a notice is issued or a task changes.
     */
    @Transactional(readOnly = true)
    public ListPage<SupervisionNotice> page(DataScope scope, Paging paging) {
        var total = totals.count(db, java.util.List.of("notices", scope), db.selectOne().from(SUPERVISION_NOTICE)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(SUPERVISION_NOTICE.TASK_ID))
                .where(TaskConditions.PUBLISHED.officeRowsFor(scope)));
        return paging.fetch(total, p -> query(org.jooq.impl.DSL.noCondition(), scope, p));
    }

    /** How many notices in the caller's scope await an answer: counted, not read ({@link #all}'s unanswered ones). */
    @Transactional(readOnly = true)
    public int openCount(DataScope scope) {
        return (int) org.rectify.platform.KeptTotals.counted(db, db.selectOne().from(SUPERVISION_NOTICE)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(SUPERVISION_NOTICE.TASK_ID))
                .where(SUPERVISION_NOTICE.REPLIED_AT.isNull().and(TaskConditions.PUBLISHED.officeRowsFor(scope))));
    }

    /**
     * Unit staff and heads: the notices on tasks their unit (or a unit below it) leads on which such a unit's answer is
     * pending, earliest date first; a unit that answered sees it no more though another lead unit has not.
     */
    @Transactional(readOnly = true)
    public List<SupervisionNotice> awaitingAnswerFrom(Caller caller) {
        if (!caller.role().isUnitRole()) {
            return List.of();
        }
        return query(SUPERVISION_NOTICE.REPLIED_AT.isNull().and(TaskConditions.PUBLISHED.ledFrom(caller.scope().unitPath())),
                caller.scope(), TO_DO).stream().filter(n -> mayReply(n, caller))
                .sorted(java.util.Comparator.comparing(SupervisionNotice::replyBy)).toList();
    }

    @Transactional(readOnly = true)
    public List<SupervisionNotice> ofTask(long taskId, DataScope scope) {
        return query(SUPERVISION_NOTICE.TASK_ID.eq(taskId), scope, null);
    }

    public static boolean mayIssue(Caller caller) {
        return caller.role().managesTasks() || caller.role() == Role.SUPERVISOR;
    }

    /** The notices {@code which} selects in the scope, newest first; on {@code paging}'s page, or all when null. */
    private List<SupervisionNotice> query(Condition which, DataScope scope, Paging paging) {
        var rows = Paging.rows(db.select(SUPERVISION_NOTICE.asterisk(), PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT)
                .from(SUPERVISION_NOTICE).join(PLANS_TASK).on(PLANS_TASK.ID.eq(SUPERVISION_NOTICE.TASK_ID))
                .where(which.and(TaskConditions.PUBLISHED.officeRowsFor(scope)))
                .orderBy(SUPERVISION_NOTICE.ISSUED_AT.desc(), SUPERVISION_NOTICE.ID.desc()), paging);
        Map<Long, List<String>> leads = tasks.leadUnitNames(rows.map(r -> r.get(SUPERVISION_NOTICE.TASK_ID)));
        List<Long> ids = rows.map(r -> r.get(SUPERVISION_NOTICE.ID));
        Map<Long, List<NoticeAnswer>> answers = answersOf(ids);
        Map<Long, List<SupervisionNotice.SentBack>> sentBack = sentBackOf(ids);
        return rows.map(r -> toNotice(r, leads.getOrDefault(r.get(SUPERVISION_NOTICE.TASK_ID), List.of()),
                answers.getOrDefault(r.get(SUPERVISION_NOTICE.ID), List.of()),
                sentBack.getOrDefault(r.get(SUPERVISION_NOTICE.ID), List.of())));
    }

    /** The lead units' answers to these notices, in the order of the task's lead units, each with its files. */
    private Map<Long, List<NoticeAnswer>> answersOf(List<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Map.of();
        }
        var rows = db.selectFrom(NOTICE_ANSWER).where(NOTICE_ANSWER.NOTICE_ID.in(noticeIds))
                .orderBy(NOTICE_ANSWER.POSITION, NOTICE_ANSWER.ID).fetch();
        Map<Long, List<EvidenceFile>> files = evidenceOf(rows.stream().filter(r -> r.getRepliedAt() != null)
                .map(r -> r.getId()).toList());
        return rows.stream().collect(Collectors.groupingBy(r -> r.getNoticeId(), LinkedHashMap::new, Collectors.mapping(
                r -> new NoticeAnswer(r.getId(), r.getUnitId(), r.getUnitName(), r.getReplyText(), r.getRepliedBy(),
                        r.getRepliedAt(), Boolean.TRUE.equals(r.getRepliedLate()), files.getOrDefault(r.getId(), List.of()),
                        r.getAcceptedAt(), r.getAcceptedBy()), Collectors.toList())));
    }

    /** The replies sent back on these notices, oldest first. */
    private Map<Long, List<SupervisionNotice.SentBack>> sentBackOf(List<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(NOTICE_REPLY_SENT_BACK).where(NOTICE_REPLY_SENT_BACK.NOTICE_ID.in(noticeIds))
                .orderBy(NOTICE_REPLY_SENT_BACK.ID).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getNoticeId(), Collectors.mapping(r -> new SupervisionNotice.SentBack(
                        r.getUnitName(), r.getReplyText(), r.getRepliedBy(), r.getRepliedAt(), r.getComment(), r.getSentBackBy(),
                        r.getSentBackAt()), Collectors.toList())));
    }

    /** The files sent with these answers, in the order they were sent. */
    private Map<Long, List<EvidenceFile>> evidenceOf(List<Long> answerIds) {
        if (answerIds.isEmpty()) {
            return Map.of();
        }
        return evidences.filesByOwner(db.select(NOTICE_EVIDENCE.ANSWER_ID, NOTICE_EVIDENCE.EVIDENCE_ID)
                .from(NOTICE_EVIDENCE).where(NOTICE_EVIDENCE.ANSWER_ID.in(answerIds))
                .orderBy(NOTICE_EVIDENCE.ANSWER_ID, NOTICE_EVIDENCE.POSITION).fetch());
    }

    /** The files of answers that were sent back: still downloadable from the notice's record. */
    private List<EvidenceFile> sentBackEvidence(long noticeId) {
        List<Long> ids = db.select(NOTICE_EVIDENCE.EVIDENCE_ID).from(NOTICE_EVIDENCE)
                .where(NOTICE_EVIDENCE.NOTICE_ID.eq(noticeId).and(NOTICE_EVIDENCE.ANSWER_ID.isNull()))
                .orderBy(NOTICE_EVIDENCE.POSITION).fetch(NOTICE_EVIDENCE.EVIDENCE_ID);
        Map<Long, EvidenceFile> files = evidences.files(ids);
        return ids.stream().map(files::get).toList();
    }

    private static SupervisionNotice toNotice(Record r, List<String> leadUnits, List<NoticeAnswer> answers,
                                              List<SupervisionNotice.SentBack> sentBack) {
        return new SupervisionNotice(r.get(SUPERVISION_NOTICE.ID), r.get(SUPERVISION_NOTICE.TASK_ID), r.get(PLANS_TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), leadUnits, r.get(SUPERVISION_NOTICE.NUMBER),
                r.get(SUPERVISION_NOTICE.DEMANDS), r.get(SUPERVISION_NOTICE.REPLY_BY),
                WarningLevel.valueOf(r.get(SUPERVISION_NOTICE.LEVEL)), r.get(SUPERVISION_NOTICE.ISSUED_BY),
                r.get(SUPERVISION_NOTICE.ISSUER_UNIT), r.get(SUPERVISION_NOTICE.ISSUED_AT), r.get(SUPERVISION_NOTICE.REPLIED_AT),
                answers.stream().flatMap(a -> a.evidence().stream()).toList(), r.get(SUPERVISION_NOTICE.ACCEPTED_AT),
                sentBack, answers);
    }
}
