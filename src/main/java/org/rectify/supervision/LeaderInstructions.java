package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.ConflictException;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.noCondition;
import static org.rectify.supervision.internal.db.Tables.LEADER_INSTRUCTION;
import static org.rectify.plans.api.Tables.PLANS_TASK;

/**
 * Leaders' instructions (批示) on tasks: a leader writes one with an answer-by date; the task's lead units
 * (or the office for them) answer once. A leader's own page shows what is still unanswered first.
 */
@Service
@Transactional
public class LeaderInstructions {

    /** What the to-do reads of the instructions to answer: the first 500, as before the lists were paged. */
    private static final Paging TO_DO = new Paging(0, 500);

    private final DSLContext db;
    private final TaskLedger tasks;
    private final Warnings warnings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeaderInstructions(DSLContext db, TaskLedger tasks, Warnings warnings, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.warnings = warnings;
        this.events = events;
        this.clock = clock;
    }

    public static boolean mayInstruct(Caller caller) {
        return caller.hasRole(Role.LEADER, Role.ADMIN);
    }

    public long give(long taskId, String text, LocalDate answerBy, Caller caller) {
        tasks.get(taskId, caller.scope());
        if (!mayInstruct(caller)) {
            throw new ForbiddenException("supervision.instruction.forbidden");
        }
        tasks.governed(taskId, caller); // a task of another office's plan: not found
        Map<String, String> errors = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            errors.put("text", "supervision.instruction.textRequired");
        }
        if (answerBy == null || !answerBy.isAfter(warnings.today())) {
            errors.put("answerBy", "supervision.instruction.answerByFuture");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        long id = db.insertInto(LEADER_INSTRUCTION).set(LEADER_INSTRUCTION.TASK_ID, taskId).set(LEADER_INSTRUCTION.TEXT, text.strip())
                .set(LEADER_INSTRUCTION.ANSWER_BY, answerBy).set(LEADER_INSTRUCTION.LEADER, caller.displayName())
                .set(LEADER_INSTRUCTION.LEADER_ACCOUNT_ID, caller.accountId())
                .set(LEADER_INSTRUCTION.GIVEN_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .returning(LEADER_INSTRUCTION.ID).fetchOne(LEADER_INSTRUCTION.ID);
        events.publishEvent(new InstructionGiven(id, taskId, caller.displayName(), answerBy, clock.instant()));
        return id;
    }

    public LeaderInstruction answer(long id, String text, Caller caller) {
        LeaderInstruction instruction = get(id, caller.scope());
        boolean leads = !caller.scope().isAll() && tasks.isLedFrom(instruction.taskId(), caller.scope().unitPath());
        if (!(caller.role().managesTasks() || (caller.role().isUnitRole() && leads))) {
            throw new ForbiddenException("supervision.instruction.answerForbidden");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(Map.of("answer", "supervision.instruction.answerRequired"), "supervision.instruction.answerRequired");
        }
        int updated = db.update(LEADER_INSTRUCTION).set(LEADER_INSTRUCTION.ANSWER_TEXT, text.strip())
                .set(LEADER_INSTRUCTION.ANSWERED_BY, caller.signature())
                .set(LEADER_INSTRUCTION.ANSWERED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(LEADER_INSTRUCTION.ID.eq(id).and(LEADER_INSTRUCTION.ANSWERED_AT.isNull())).execute();
        if (updated == 0) {
            throw new ConflictException("supervision.instruction.alreadyAnswered");
        }
        long leader = db.select(LEADER_INSTRUCTION.LEADER_ACCOUNT_ID).from(LEADER_INSTRUCTION).where(LEADER_INSTRUCTION.ID.eq(id))
                .fetchOne(LEADER_INSTRUCTION.LEADER_ACCOUNT_ID);
        events.publishEvent(new InstructionAnswered(id, instruction.taskId(), leader, caller.signature(), clock.instant()));
        return get(id, caller.scope());
    }

    @Transactional(readOnly = true)
    public LeaderInstruction get(long id, DataScope scope) {
        return query(LEADER_INSTRUCTION.ID.eq(id), scope, null).stream().findFirst()
                .orElseThrow(() -> new org.rectify.platform.NotFoundException("supervision.instruction.notFound"));
    }

    /**
     * What the caller should see: a leader, their own instructions; everyone else, the instructions on tasks
     * in their scope. Unanswered first, then newest.
     */
    @Transactional(readOnly = true)
    public List<LeaderInstruction> forCaller(Caller caller) {
        return query(mine(caller), caller.scope(), null);
    }

    /** A page of {@link #forCaller}, with the total. */
    @Transactional(readOnly = true)
    public ListPage<LeaderInstruction> forCaller(Caller caller, Paging paging) {
        Condition mine = mine(caller);
        long total = db.fetchCount(db.selectOne().from(LEADER_INSTRUCTION).join(PLANS_TASK).on(PLANS_TASK.ID.eq(LEADER_INSTRUCTION.TASK_ID))
                .where(mine.and(TaskConditions.PUBLISHED.officeRowsFor(caller.scope()))));
        return paging.fetch(total, p -> query(mine, caller.scope(), p));
    }

    /** How many of {@link #forCaller}'s instructions await an answer: counted, not read. */
    @Transactional(readOnly = true)
    public int openCount(Caller caller) {
        return (int) org.rectify.platform.KeptTotals.counted(db, db.selectOne().from(LEADER_INSTRUCTION)
                .join(PLANS_TASK).on(PLANS_TASK.ID.eq(LEADER_INSTRUCTION.TASK_ID))
                .where(mine(caller).and(LEADER_INSTRUCTION.ANSWERED_AT.isNull())
                        .and(TaskConditions.PUBLISHED.officeRowsFor(caller.scope()))));
    }

    private static Condition mine(Caller caller) {
        return caller.role() == Role.LEADER ? LEADER_INSTRUCTION.LEADER_ACCOUNT_ID.eq(caller.accountId()) : noCondition();
    }

    /** The instructions on a task, if the caller sees the task: its page's panel and its dossier; unanswered first. */
    @Transactional(readOnly = true)
    public List<LeaderInstruction> ofTask(long taskId, DataScope scope) {
        return query(LEADER_INSTRUCTION.TASK_ID.eq(taskId), scope, null);
    }

    /** Unit staff and heads: the unanswered instructions on tasks their unit (or a unit below it) leads, earliest date first. */
    @Transactional(readOnly = true)
    public List<LeaderInstruction> awaitingAnswerFrom(Caller caller) {
        if (!caller.role().isUnitRole()) {
            return List.of();
        }
        return query(LEADER_INSTRUCTION.ANSWERED_AT.isNull().and(TaskConditions.PUBLISHED.ledFrom(caller.scope().unitPath())),
                caller.scope(), TO_DO).stream().sorted(java.util.Comparator.comparing(LeaderInstruction::answerBy)).toList();
    }

    /** The instructions {@code which} selects in the scope, unanswered first; on {@code paging}'s page, or all when null. */
    private List<LeaderInstruction> query(Condition which, DataScope scope, Paging paging) {
        var rows = Paging.rows(db.select(LEADER_INSTRUCTION.asterisk(), PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT)
                .from(LEADER_INSTRUCTION).join(PLANS_TASK).on(PLANS_TASK.ID.eq(LEADER_INSTRUCTION.TASK_ID))
                .where(which.and(TaskConditions.PUBLISHED.officeRowsFor(scope)))
                .orderBy(LEADER_INSTRUCTION.ANSWERED_AT.isNull().desc(), LEADER_INSTRUCTION.GIVEN_AT.desc(), LEADER_INSTRUCTION.ID.desc()),
                paging);
        Map<Long, List<String>> leads = tasks.leadUnitNames(rows.map(r -> r.get(LEADER_INSTRUCTION.TASK_ID)));
        return rows.map(r -> new LeaderInstruction(r.get(LEADER_INSTRUCTION.ID), r.get(LEADER_INSTRUCTION.TASK_ID), r.get(PLANS_TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)),
                leads.getOrDefault(r.get(LEADER_INSTRUCTION.TASK_ID), List.of()), r.get(LEADER_INSTRUCTION.TEXT),
                r.get(LEADER_INSTRUCTION.ANSWER_BY), r.get(LEADER_INSTRUCTION.LEADER), r.get(LEADER_INSTRUCTION.GIVEN_AT),
                r.get(LEADER_INSTRUCTION.ANSWER_TEXT), r.get(LEADER_INSTRUCTION.ANSWERED_BY), r.get(LEADER_INSTRUCTION.ANSWERED_AT)));
    }
}
