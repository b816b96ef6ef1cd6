package org.rectify.audit;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.rectify.access.Caller;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.Messages;
import org.rectify.progress.ProgressReports;
import org.rectify.progress.ReadableReports;
import org.rectify.supervision.Accountability;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;

/**
 * A task's whole history as one timeline, read from the audit chain: every command that touched the task (its own,
 * its reports, notices, instructions, ledger supervision, warnings, closure, look-backs and the accountability recorded
 * against it), oldest first, with who and when. What the page shows is what the chain proves. The caller must see the
 * task (else it is not found); accountability shows only to the roles that may see it, a report's steps only to
 * those who read that report.
 */
@Service
@Transactional(readOnly = true)
public class TaskTimeline {

    /** The task an entry's recorded change names ({@code "taskId"}); indexed (V35). */
    static final Field<Long> TASK_ID = DSL.jsonbGetAttributeAsText(AUDIT_ENTRY.CHANGE.cast(SQLDataType.JSONB), DSL.inline("taskId"))
            .cast(SQLDataType.BIGINT);

    private final DSLContext db;
    private final TaskLedger tasks;
    private final Accountability accountability;
    private final ProgressReports reports;
    private final TimelineWording wording;
    private final AuditLog log;

    TaskTimeline(DSLContext db, TaskLedger tasks, Accountability accountability, ProgressReports reports, Messages messages,
                 AuditLog log) {
        this.db = db;
        this.log = log;
        this.tasks = tasks;
        this.accountability = accountability;
        this.reports = reports;
        this.wording = new TimelineWording(messages);
    }

    public List<TimelineEntry> of(long taskId, Caller caller) {
        tasks.get(taskId, caller.scope()); // not found outside the caller's scope
        log.awaitLinked(); // the commands done before the page was asked for, linked
        Condition which = AUDIT_ENTRY.OBJECT.eq("task:" + taskId).or(TASK_ID.eq(taskId));
        if (Accountability.maySee(caller)) {
            List<String> actions = accountability.ofTask(taskId, caller).stream().map(a -> "accountability:" + a.id()).toList();
            which = which.or(AUDIT_ENTRY.OBJECT.in(actions));
        }
        ReadableReports readable = reports.readableReports(taskId, caller);
        List<TimelineEntry> entries = new ArrayList<>();
        for (var r : db.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ACTION, AUDIT_ENTRY.CHANGE)
                .from(AUDIT_ENTRY).where(which).orderBy(AUDIT_ENTRY.AT, AUDIT_ENTRY.SEQ).fetch()) {
            JsonNode change = TimelineWording.parse(r.value5());
            if (TimelineVisibility.shows(r.value4(), change, caller, readable)) {
                entries.add(new TimelineEntry(r.value1(), r.value2(), wording.actor(r.value3()), r.value4(),
                        wording.label(r.value4(), change), wording.detail(change)));
            }
        }
        return entries;
    }
}
