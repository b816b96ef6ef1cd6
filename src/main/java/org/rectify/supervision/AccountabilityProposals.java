package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskDetail;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.rectify.supervision.internal.db.Tables.ACCOUNTABILITY_PROPOSAL;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * Accountability proposed by the system: when a closed task relapses, one proposal per lead unit waits for the office
 * (or the supervision office) to confirm it (an accountability action is recorded) or dismiss it with a reason. Seen
 * by whoever sees accountability, on the tasks of plans they govern.
 */
@Service
@Transactional
public class AccountabilityProposals {

    private final DSLContext db;
    private final TaskLedger tasks;
    private final Accountability accountability;
    private final Warnings warnings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountabilityProposals(DSLContext db, TaskLedger tasks, Accountability accountability, Warnings warnings,
                            ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.accountability = accountability;
        this.warnings = warnings;
        this.events = events;
        this.clock = clock;
    }

    /** Proposes accountability of each lead unit of the task, unless one is already waiting for that unit. */
    public void proposeForLeadUnits(long taskId, String reason) {
        TaskDetail task = tasks.get(taskId, org.rectify.access.DataScope.ALL);
        var now = clock.instant();
        for (Long unitId : task.leadUnitIds()) {
            boolean waiting = db.fetchExists(ACCOUNTABILITY_PROPOSAL, ACCOUNTABILITY_PROPOSAL.TASK_ID.eq(taskId)
                    .and(ACCOUNTABILITY_PROPOSAL.UNIT_ID.eq(unitId)).and(ACCOUNTABILITY_PROPOSAL.DECISION.isNull()));
            if (waiting) {
                continue;
            }
            long id = db.insertInto(ACCOUNTABILITY_PROPOSAL).set(ACCOUNTABILITY_PROPOSAL.TASK_ID, taskId)
                    .set(ACCOUNTABILITY_PROPOSAL.UNIT_ID, unitId).set(ACCOUNTABILITY_PROPOSAL.REASON, reason)
                    .set(ACCOUNTABILITY_PROPOSAL.PROPOSED_AT, now.atOffset(ZoneOffset.UTC))
                    .returning(ACCOUNTABILITY_PROPOSAL.ID).fetchOne(ACCOUNTABILITY_PROPOSAL.ID);
            events.publishEvent(SupervisionChanged.of("system", "accountability.proposed", "proposal:" + id, now,
                    "taskId", taskId, "unitId", unitId, "reason", reason));
        }
    }

    /** The proposals on tasks the caller governs, waiting ones first, newest first. */
    @Transactional(readOnly = true)
    public List<AccountabilityProposal> all(Caller caller) {
        if (!Accountability.maySee(caller)) {
            throw new ForbiddenException("supervision.accountability.forbidden");
        }
        return query(org.jooq.impl.DSL.noCondition(), caller, null);
    }

    /** A page of {@link #all}, with the total. */
    @Transactional(readOnly = true)
    public ListPage<AccountabilityProposal> page(Caller caller, Paging paging) {
        if (!Accountability.maySee(caller)) {
            throw new ForbiddenException("supervision.accountability.forbidden");
        }
        long total = db.fetchCount(db.selectOne().from(ACCOUNTABILITY_PROPOSAL).join(PLANS_TASK)
                .on(PLANS_TASK.ID.eq(ACCOUNTABILITY_PROPOSAL.TASK_ID)).where(TaskConditions.PUBLISHED.governedBy(caller)));
        return paging.fetch(total, p -> query(org.jooq.impl.DSL.noCondition(), caller, p));
    }

    @Transactional(readOnly = true)
    public AccountabilityProposal get(long id, Caller caller) {
        if (!Accountability.maySee(caller)) {
            throw new ProposalNotFound(id);
        }
        return query(ACCOUNTABILITY_PROPOSAL.ID.eq(id), caller, null).stream().findFirst().orElseThrow(() -> new ProposalNotFound(id));
    }

    /** Confirms a waiting proposal: records the accountability action of this type against its unit, today. */
    public AccountabilityProposal confirm(long id, AccountabilityType type, Caller caller) {
        AccountabilityProposal p = toDecide(id, caller);
        if (type == null) {
            throw new InvalidInputException(Map.of("type", "supervision.accountability.typeRequired"), "supervision.accountability.typeRequired");
        }
        long actionId = accountability.record(new NewAccountabilityAction(type, p.unitId(), null, null, warnings.today(),
                p.reason(), null, List.of(p.taskId())), caller);
        decide(p, "CONFIRMED", null, actionId, caller);
        return get(id, caller);
    }

    /** Dismisses a waiting proposal; the reason is kept with it. */
    public AccountabilityProposal dismiss(long id, String note, Caller caller) {
        AccountabilityProposal p = toDecide(id, caller);
        if (note == null || note.isBlank()) {
            throw new InvalidInputException(Map.of("note", "supervision.proposal.noteRequired"), "supervision.proposal.noteRequired");
        }
        decide(p, "DISMISSED", note.strip(), null, caller);
        return get(id, caller);
    }

    private AccountabilityProposal toDecide(long id, Caller caller) {
        AccountabilityProposal p = get(id, caller);
        if (!Accountability.mayRecord(caller)) {
            throw new ForbiddenException("supervision.accountability.forbidden");
        }
        if (!p.isOpen()) {
            throw new ConflictException("supervision.proposal.decided", p.decidedBy());
        }
        return p;
    }

    private void decide(AccountabilityProposal p, String decision, String note, Long actionId, Caller caller) {
        var now = clock.instant();
        int updated = db.update(ACCOUNTABILITY_PROPOSAL).set(ACCOUNTABILITY_PROPOSAL.DECISION, decision)
                .set(ACCOUNTABILITY_PROPOSAL.DECIDED_BY, caller.signature())
                .set(ACCOUNTABILITY_PROPOSAL.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(ACCOUNTABILITY_PROPOSAL.DECISION_NOTE, note).set(ACCOUNTABILITY_PROPOSAL.ACTION_ID, actionId)
                .where(ACCOUNTABILITY_PROPOSAL.ID.eq(p.id()).and(ACCOUNTABILITY_PROPOSAL.DECISION.isNull())).execute();
        if (updated == 0) { // decided by someone else between our read and our write: theirs stands
            throw new ConflictException("supervision.proposal.decided", "");
        }
        events.publishEvent(SupervisionChanged.of(caller.signature(), "accountability.proposal-" + decision.toLowerCase(),
                "proposal:" + p.id(), now, "note", note, "actionId", actionId));
    }

    /** The proposals {@code which} selects, waiting first; on {@code paging}'s page, or all when null. */
    private List<AccountabilityProposal> query(Condition which, Caller caller, Paging paging) {
        return Paging.rows(db.select(ACCOUNTABILITY_PROPOSAL.asterisk(), PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, UNITS_DIRECTORY.NAME)
                .from(ACCOUNTABILITY_PROPOSAL).join(PLANS_TASK).on(PLANS_TASK.ID.eq(ACCOUNTABILITY_PROPOSAL.TASK_ID))
                .leftJoin(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(ACCOUNTABILITY_PROPOSAL.UNIT_ID))
                .where(which.and(TaskConditions.PUBLISHED.governedBy(caller)))
                .orderBy(ACCOUNTABILITY_PROPOSAL.DECISION.isNull().desc(), ACCOUNTABILITY_PROPOSAL.PROPOSED_AT.desc(),
                        ACCOUNTABILITY_PROPOSAL.ID.desc()), paging).map(AccountabilityProposals::toProposal);
    }

    private static AccountabilityProposal toProposal(Record r) {
        return new AccountabilityProposal(r.get(ACCOUNTABILITY_PROPOSAL.ID), r.get(ACCOUNTABILITY_PROPOSAL.TASK_ID),
                r.get(PLANS_TASK.REF), TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)),
                r.get(ACCOUNTABILITY_PROPOSAL.UNIT_ID), r.get(UNITS_DIRECTORY.NAME), r.get(ACCOUNTABILITY_PROPOSAL.REASON),
                r.get(ACCOUNTABILITY_PROPOSAL.PROPOSED_AT), r.get(ACCOUNTABILITY_PROPOSAL.DECISION),
                r.get(ACCOUNTABILITY_PROPOSAL.DECIDED_BY), r.get(ACCOUNTABILITY_PROPOSAL.DECIDED_AT),
                r.get(ACCOUNTABILITY_PROPOSAL.DECISION_NOTE), r.get(ACCOUNTABILITY_PROPOSAL.ACTION_ID));
    }
}
