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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rectify.db.Tables.NOTICE_COUNTER;
import static org.rectify.db.Tables.SUPERVISION_NOTICE;
import static org.rectify.db.Tables.TASK;
import static org.rectify.db.Tables.TASK_WARNING;

/**
 * Supervision notices (督办单): the office or the supervision office issues one on a task with demands
 * and a reply-by date; the task's lead units reply. A notice unanswered past its date, or answered late,
 * raises the task's warning (see {@link WarningPolicy}).
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

    SupervisionNotices(DSLContext db, TaskLedger tasks, Warnings warnings, ApplicationEventPublisher events, Clock clock,
                       @Value("${rectify.supervision.notice-number:督〔{0}〕{1}号}") String numberPattern) {
        this.db = db;
        this.tasks = tasks;
        this.warnings = warnings;
        this.events = events;
        this.clock = clock;
        this.numbering = new NoticeNumbering(numberPattern);
    }

    public long issue(long taskId, String demands, LocalDate replyBy, Caller caller) {
        TaskDetail task = tasks.get(taskId, caller.scope());
        if (!mayIssue(caller)) {
            throw new ForbiddenException("supervision.notice.forbidden");
        }
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
                .set(SUPERVISION_NOTICE.ISSUER_UNIT, caller.unitName())
                .set(SUPERVISION_NOTICE.ISSUED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .returning(SUPERVISION_NOTICE.ID).fetchOne(SUPERVISION_NOTICE.ID);
        events.publishEvent(new NoticeIssued(id, taskId, number, replyBy, clock.instant()));
        return id;
    }

    /** The lead unit's answer (or the office's on its behalf); once only. */
    public SupervisionNotice reply(long noticeId, String text, Caller caller) {
        SupervisionNotice notice = get(noticeId, caller.scope());
        boolean leads = !caller.scope().isAll() && tasks.isLedFrom(notice.taskId(), caller.scope().unitPath());
        if (!(caller.role().managesTasks() || (caller.role().isUnitRole() && leads))) {
            throw new ForbiddenException("supervision.notice.replyForbidden");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(Map.of("reply", "supervision.notice.replyRequired"), "supervision.notice.replyRequired");
        }
        int updated = db.update(SUPERVISION_NOTICE).set(SUPERVISION_NOTICE.REPLY_TEXT, text.strip())
                .set(SUPERVISION_NOTICE.REPLIED_BY, caller.signature())
                .set(SUPERVISION_NOTICE.REPLIED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(SUPERVISION_NOTICE.ID.eq(noticeId).and(SUPERVISION_NOTICE.REPLIED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.notice.alreadyAnswered", notice.number());
        }
        SupervisionNotice answered = get(noticeId, caller.scope());
        Long issuer = db.select(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID).from(SUPERVISION_NOTICE)
                .where(SUPERVISION_NOTICE.ID.eq(noticeId)).fetchOne(SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID);
        events.publishEvent(new NoticeAnswered(noticeId, notice.taskId(), notice.number(),
                answered.isLate(warnings.today()), issuer, clock.instant()));
        warnings.recompute(notice.taskId(), warnings.today());
        return answered;
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
                .where(which.and(TaskConditions.visibleTo(scope)))
                .orderBy(SUPERVISION_NOTICE.ISSUED_AT.desc(), SUPERVISION_NOTICE.ID.desc())
                .limit(WarningBoard.MAX_ROWS).fetch();
        Map<Long, List<String>> leads = tasks.leadUnitNames(rows.map(r -> r.get(SUPERVISION_NOTICE.TASK_ID)));
        return rows.map(r -> toNotice(r, leads.getOrDefault(r.get(SUPERVISION_NOTICE.TASK_ID), List.of())));
    }

    private static SupervisionNotice toNotice(Record r, List<String> leadUnits) {
        return new SupervisionNotice(r.get(SUPERVISION_NOTICE.ID), r.get(SUPERVISION_NOTICE.TASK_ID), r.get(TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(TASK.TITLE), r.get(TASK.TEXT)), leadUnits, r.get(SUPERVISION_NOTICE.NUMBER),
                r.get(SUPERVISION_NOTICE.DEMANDS), r.get(SUPERVISION_NOTICE.REPLY_BY),
                WarningLevel.valueOf(r.get(SUPERVISION_NOTICE.LEVEL)), r.get(SUPERVISION_NOTICE.ISSUED_BY),
                r.get(SUPERVISION_NOTICE.ISSUER_UNIT), r.get(SUPERVISION_NOTICE.ISSUED_AT), r.get(SUPERVISION_NOTICE.REPLY_TEXT),
                r.get(SUPERVISION_NOTICE.REPLIED_BY), r.get(SUPERVISION_NOTICE.REPLIED_AT));
    }
}
