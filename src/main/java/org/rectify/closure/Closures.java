package org.rectify.closure;

import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.closure.internal.PhotoExif;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.Tasks;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.WorkingCalendar;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.rectify.supervision.NoticeNumbering;
import org.rectify.supervision.SupervisionLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rectify.closure.internal.db.Tables.CLOSURE;
import static org.rectify.closure.internal.db.Tables.CLOSURE_ANSWER;
import static org.rectify.closure.internal.db.Tables.CLOSURE_COUNTER;
import static org.rectify.closure.internal.db.Tables.CLOSURE_EVIDENCE;
import static org.rectify.closure.internal.db.Tables.CLOSURE_OBJECTION;
import static org.rectify.closure.internal.db.Tables.CLOSURE_SETTINGS;
import static org.rectify.closure.internal.db.Tables.CLOSURE_VERIFICATION;

/**
 * The closure procedure (销号): apply, sign off, name the acceptance unit, verify, approve and publish, answer
 * objections, close. Each step is checked against {@link ClosureCommand} (the stage) and {@link ClosurePolicy} (who),
 * taken only if nobody took another step since the caller's version, and published as {@link ClosureAdvanced}. The
 * task moves only through plans' closure steps, so the task can reach CLOSED no other way.
 */
@Service
@Transactional
public class Closures {

    static final int MAX_TEXT = 4000;

    private final DSLContext db;
    private final ClosureViews views;
    private final TaskLedger ledger;
    private final Tasks tasks;
    private final Evidences evidences;
    private final SupervisionLedger supervision;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NoticeNumbering numbering;
    private final org.rectify.plans.Plans plans;

    Closures(DSLContext db, ClosureViews views, TaskLedger ledger, Tasks tasks, org.rectify.plans.Plans plans, Evidences evidences,
             SupervisionLedger supervision, WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock,
             @Value("${rectify.closure.number:销号〔{0}〕{1}号}") String numberPattern) {
        this.db = db;
        this.views = views;
        this.plans = plans;
        this.ledger = ledger;
        this.tasks = tasks;
        this.evidences = evidences;
        this.supervision = supervision;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
        this.numbering = new NoticeNumbering(numberPattern);
    }

    /** Everything about an application that can be refused before any file is streamed. */
    @Transactional(readOnly = true)
    public void checkApplication(long taskId, ClosureApplication application, int files, Caller caller) {
        checked(taskId, application, files, caller);
    }

    /** The task applied for and the lines its application answers, once the application passed its checks. */
    private record Checked(TaskDetail task, List<ClosureItem> items) {
    }

    private Checked checked(long taskId, ClosureApplication application, int files, Caller caller) {
        TaskDetail task = ledger.get(taskId, caller.scope());
        if (!ClosurePolicy.mayApply(caller, views.standing(task.id(), null, caller))) {
            throw new ForbiddenException("closure.applyForbidden");
        }
        if (kindFor(task) == null) {
            throw new ClosureRefused("closure.taskNotReady", label("task.status." + task.status()));
        }
        if (db.fetchExists(CLOSURE, CLOSURE.TASK_ID.eq(taskId).and(ClosureViews.IN_FLIGHT))) {
            throw new ClosureRefused("closure.alreadyInFlight", task.ref());
        }
        List<ClosureItem> items = views.items(task, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(application.statement())) {
            errors.put("statement", "closure.statementRequired");
        } else if (application.statement().length() > MAX_TEXT) {
            errors.put("statement", "closure.tooLong");
        }
        List<ClosureApplication.Answer> answers = application.answers() == null ? List.of() : application.answers();
        if (answers.size() != items.size()) {
            errors.put("answers", "closure.answerEveryItem");
        } else {
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i) == null || blank(answers.get(i).text()) || answers.get(i).text().length() > MAX_TEXT) {
                    errors.put("answers[" + i + "]", "closure.answerRequired");
                }
            }
        }
        List<Long> cited = application.earlierEvidence();
        if (!cited.isEmpty() && !views.earlierEvidence(taskId, caller).stream().map(EvidenceFile::id).toList()
                .containsAll(cited)) {
            errors.put("earlierEvidence", "closure.evidenceNotOfTask");
        } else if (files + cited.size() == 0) {
            errors.put("files", "closure.evidenceRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, errors.values().iterator().next());
        }
        return new Checked(task, items);
    }

    /** Applies for closure (or, for an ONGOING task, for confirmation of its stage goals) with the staged files. */
    public long apply(long taskId, ClosureApplication application, List<StagedFile> files, Caller caller) {
        Checked checked = checked(taskId, application, files.size(), caller);
        TaskDetail task = checked.task();
        ClosureKind kind = kindFor(task);
        ClosureSettings settings = views.settings(task.planId());
        Instant now = clock.instant();
        int attempt = db.fetchCount(CLOSURE, CLOSURE.TASK_ID.eq(taskId)) + 1;
        boolean signedOff = !settings.headSignOff() || caller.role() == org.rectify.access.Role.UNIT_HEAD;
        ClosureStage stage = signedOff ? ClosureStage.APPLIED : ClosureStage.SIGN_OFF_PENDING;
        long id = db.insertInto(CLOSURE).set(CLOSURE.TASK_ID, taskId).set(CLOSURE.ATTEMPT, attempt)
                .set(CLOSURE.KIND, kind.name()).set(CLOSURE.STAGE, stage.name())
                .set(CLOSURE.STATEMENT, application.statement().strip())
                .set(CLOSURE.APPLICANT, caller.signature()).set(CLOSURE.APPLICANT_UNIT_ID, caller.unitId())
                .set(CLOSURE.APPLIED_AT, utc(now))
                .set(CLOSURE.SIGNED_OFF_BY, settings.headSignOff() && signedOff ? caller.signature() : null)
                .set(CLOSURE.SIGNED_OFF_AT, settings.headSignOff() && signedOff ? utc(now) : null)
                .set(CLOSURE.LAST_ACTOR, caller.signature()).set(CLOSURE.UPDATED_AT, utc(now))
                .returning(CLOSURE.ID).fetchOne(CLOSURE.ID);
        List<ClosureItem> items = checked.items();
        for (int i = 0; i < items.size(); i++) {
            ClosureItem item = items.get(i);
            ClosureApplication.Answer answer = application.answers().get(i);
            db.insertInto(CLOSURE_ANSWER).set(CLOSURE_ANSWER.CLOSURE_ID, id).set(CLOSURE_ANSWER.POSITION, i)
                    .set(CLOSURE_ANSWER.KIND, item.kind().name()).set(CLOSURE_ANSWER.SUBJECT, item.subject())
                    .set(CLOSURE_ANSWER.TARGET, item.target()).set(CLOSURE_ANSWER.LAST_VALUE, item.lastValue())
                    .set(CLOSURE_ANSWER.ACHIEVED, answer.achieved()).set(CLOSURE_ANSWER.TEXT, answer.text().strip())
                    .execute();
        }
        keep(id, null, files, caller);
        int position = files.size();
        for (long evidenceId : new java.util.LinkedHashSet<>(application.earlierEvidence())) {
            db.insertInto(CLOSURE_EVIDENCE).set(CLOSURE_EVIDENCE.CLOSURE_ID, id).set(CLOSURE_EVIDENCE.EVIDENCE_ID, evidenceId)
                    .set(CLOSURE_EVIDENCE.POSITION, position++).execute();
        }
        if (kind == ClosureKind.CLOSURE) {
            tasks.closureStep(taskId, TaskCommand.REQUEST_CLOSURE, null, caller.signature());
        }
        events.publishEvent(new ClosureAdvanced(id, taskId, task.ref(), kind, "apply", null, stage, null, null,
                caller.signature(), null, now));
        return id;
    }

    public ClosureDetail signOff(long closureId, int version, Caller caller) {
        return step(closureId, version, ClosureCommand.SIGN_OFF, null, caller, (c, now) -> Map.of(
                CLOSURE.SIGNED_OFF_BY, caller.signature(), CLOSURE.SIGNED_OFF_AT, utc(now)));
    }

    /** Names the acceptance unit (default: the unit that runs the plan) and whether it must verify on site. */
    public ClosureDetail assignVerification(long closureId, int version, Long acceptanceUnitId, boolean onSite, Caller caller) {
        return step(closureId, version, ClosureCommand.ASSIGN_VERIFICATION, null, caller, (c, now) -> {
            long unit = acceptanceUnitId != null ? views.existingUnit(acceptanceUnitId)
                    : views.officeUnit(c).orElseThrow(ClosureViews::unknownUnit); // a plan without an office: name one
            return Map.of(CLOSURE.ACCEPTANCE_UNIT_ID, unit, CLOSURE.ON_SITE_REQUIRED, onSite);
        });
    }

    /** Everything about a verification that can be refused before any file is streamed. */
    @Transactional(readOnly = true)
    public void checkVerification(long closureId, int version, NewVerification v, int files, Caller caller) {
        ClosureDetail c = views.get(closureId, caller);
        ClosureCommand command = v.passed() == null || v.passed() ? ClosureCommand.PASS_VERIFICATION : ClosureCommand.FAIL_VERIFICATION;
        allowed(c, version, command, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        if (v.passed() == null) {
            errors.put("passed", "closure.verification.conclusionRequired");
        }
        if (v.verifiedOn() == null || v.verifiedOn().isAfter(today())) {
            errors.put("verifiedOn", "closure.verification.dateRequired");
        }
        if (blank(v.members()) || v.members().length() > 500) {
            errors.put("members", "closure.verification.membersRequired");
        }
        if (v.method() == null) {
            errors.put("method", "closure.verification.methodRequired");
        } else if (c.onSiteRequired() && v.method() != VerificationMethod.ON_SITE && Boolean.TRUE.equals(v.passed())) {
            errors.put("method", "closure.verification.onSiteRequired");
        }
        if (blank(v.findings()) || v.findings().length() > MAX_TEXT) {
            errors.put("findings", "closure.verification.findingsRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, errors.values().iterator().next());
        }
    }

    /** Records the acceptance unit's verification; a fail returns the application with the findings as its reasons. */
    public ClosureDetail verify(long closureId, int version, NewVerification v, List<StagedFile> files, Caller caller) {
        checkVerification(closureId, version, v, files.size(), caller);
        ClosureCommand command = v.passed() ? ClosureCommand.PASS_VERIFICATION : ClosureCommand.FAIL_VERIFICATION;
        return step(closureId, version, command, v.findings(), caller, (c, now) -> {
            long verification = db.insertInto(CLOSURE_VERIFICATION).set(CLOSURE_VERIFICATION.CLOSURE_ID, closureId)
                    .set(CLOSURE_VERIFICATION.VERIFIED_ON, v.verifiedOn()).set(CLOSURE_VERIFICATION.MEMBERS, v.members().strip())
                    .set(CLOSURE_VERIFICATION.METHOD, v.method().name()).set(CLOSURE_VERIFICATION.FINDINGS, v.findings().strip())
                    .set(CLOSURE_VERIFICATION.PASSED, v.passed()).set(CLOSURE_VERIFICATION.RECORDED_BY, caller.signature())
                    .set(CLOSURE_VERIFICATION.RECORDED_AT, utc(now))
                    .returning(CLOSURE_VERIFICATION.ID).fetchOne(CLOSURE_VERIFICATION.ID);
            keep(closureId, verification, files, caller);
            return v.passed() ? Map.of() : returned(caller, v.findings(), now);
        });
    }

    /** Approves (审定): a closure is published for its notice period from today; a confirmation ends here. */
    public ClosureDetail approve(long closureId, int version, Caller caller) {
        return step(closureId, version, ClosureCommand.APPROVE, null, caller, (c, now) -> {
            Map<org.jooq.Field<?>, Object> set = new LinkedHashMap<>();
            set.put(CLOSURE.APPROVED_BY, caller.signature());
            set.put(CLOSURE.APPROVED_AT, utc(now));
            if (c.kind() == ClosureKind.CLOSURE) {
                ClosureSettings settings = views.settings(c.planId());
                LocalDate today = today();
                set.put(CLOSURE.NOTICE_FROM, today);
                set.put(CLOSURE.NOTICE_UNTIL, calendar.periodEnd(today, settings.noticeDays(), settings.noticeDayCount()));
            }
            return set;
        });
    }

    /** Sends the application back with reasons; the task goes back to work, the attempt stays in its history. */
    public ClosureDetail sendBack(long closureId, int version, String reason, Caller caller) {
        if (blank(reason) || reason.length() > MAX_TEXT) {
            views.get(closureId, caller);
            throw new InvalidInputException(Map.of("reason", "closure.reasonRequired"), "closure.reasonRequired");
        }
        return step(closureId, version, ClosureCommand.RETURN, reason, caller, (c, now) -> returned(caller, reason, now));
    }

    /** Answers an objection: upheld sends the attempt back to verification; not upheld records the reason. */
    public ClosureDetail answerObjection(long closureId, long objectionId, int version, boolean upheld, String answer,
                                         Caller caller) {
        ClosureDetail c = views.get(closureId, caller);
        allowed(c, version, ClosureCommand.UPHOLD_OBJECTION, caller); // the office, while the notice runs
        var objection = db.selectFrom(CLOSURE_OBJECTION)
                .where(CLOSURE_OBJECTION.ID.eq(objectionId).and(CLOSURE_OBJECTION.CLOSURE_ID.eq(closureId)))
                .forUpdate().fetchOptional().orElseThrow(() -> ClosureNotFound.objection(objectionId));
        if (objection.getUpheld() != null) {
            throw new ClosureRefused("closure.objection.alreadyAnswered", objection.getAnsweredBy());
        }
        if (blank(answer) || answer.length() > MAX_TEXT) {
            throw new InvalidInputException(Map.of("answer", "closure.objection.answerRequired"), "closure.objection.answerRequired");
        }
        Instant now = clock.instant();
        db.update(CLOSURE_OBJECTION).set(CLOSURE_OBJECTION.UPHELD, upheld).set(CLOSURE_OBJECTION.ANSWER, answer.strip())
                .set(CLOSURE_OBJECTION.ANSWERED_BY, caller.signature()).set(CLOSURE_OBJECTION.ANSWERED_AT, utc(now))
                .where(CLOSURE_OBJECTION.ID.eq(objectionId)).execute();
        if (upheld) {
            return step(closureId, version, ClosureCommand.UPHOLD_OBJECTION, answer, caller, (x, at) -> {
                Map<org.jooq.Field<?>, Object> set = new LinkedHashMap<>();
                set.put(CLOSURE.NOTICE_FROM, null); // a new notice period follows the new verification
                set.put(CLOSURE.NOTICE_UNTIL, null);
                return set;
            });
        }
        bump(c, version, caller, now);
        events.publishEvent(new ClosureAdvanced(closureId, c.taskId(), c.taskRef(), c.kind(), "reject-objection",
                c.stage(), c.stage(), null, c.acceptanceUnitId(), caller.signature(), answer.strip(), now));
        return views.get(closureId, caller);
    }

    /**
     * Closes the task (销号) once its notice period is over with every objection answered: the next closure number of
     * the year, the task CLOSED through plans, its 挂账 entry resolved.
     */
    public ClosureDetail close(long closureId, int version, Caller caller) {
        return step(closureId, version, ClosureCommand.CLOSE, null, caller, (c, now) -> {
            if (!today().isAfter(c.noticeUntil())) {
                throw new ClosureRefused("closure.noticeRunning", c.noticeUntil());
            }
            if (c.openObjections() > 0) {
                throw new ClosureRefused("closure.objectionsOpen", c.openObjections());
            }
            int year = today().getYear();
            int seq = db.insertInto(CLOSURE_COUNTER).set(CLOSURE_COUNTER.YEAR, year).set(CLOSURE_COUNTER.LAST, 1)
                    .onConflict(CLOSURE_COUNTER.YEAR).doUpdate().set(CLOSURE_COUNTER.LAST, CLOSURE_COUNTER.LAST.plus(1))
                    .returning(CLOSURE_COUNTER.LAST).fetchOne(CLOSURE_COUNTER.LAST);
            return Map.of(CLOSURE.CLOSED_BY, caller.signature(), CLOSURE.CLOSED_AT, utc(now), CLOSURE.YEAR, year,
                    CLOSURE.SEQ, seq, CLOSURE.NUMBER, numbering.format(year, seq));
        });
    }

    /** A plan's closure rules, for whoever may read the plan. */
    @Transactional(readOnly = true)
    public ClosureSettings settings(long planId, Caller caller) {
        plans.visible(planId, caller.scope());
        return views.settings(planId);
    }

    /** Sets a plan's closure rules (the office running the plan). */
    public ClosureSettings saveSettings(long planId, ClosureSettings settings, Caller caller) {
        plans.governed(planId, caller);
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("closure.settingsForbidden");
        }
        List<String> conditions = settings.conditions() == null ? List.of()
                : settings.conditions().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        if (conditions.isEmpty() || conditions.size() > 20 || conditions.stream().anyMatch(c -> c.length() > 200)) {
            errors.put("conditions", "closure.settings.conditionsRequired");
        }
        if (settings.noticeDays() < 1 || settings.noticeDays() > 60) {
            errors.put("noticeDays", "closure.settings.noticeDays");
        }
        if (settings.approver() == null || settings.noticeDayCount() == null) {
            errors.put("approver", "closure.settings.choose");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, errors.values().iterator().next());
        }
        db.insertInto(CLOSURE_SETTINGS).set(CLOSURE_SETTINGS.PLAN_ID, planId)
                .set(CLOSURE_SETTINGS.CONDITIONS, String.join("\n", conditions))
                .set(CLOSURE_SETTINGS.HEAD_SIGN_OFF, settings.headSignOff()).set(CLOSURE_SETTINGS.APPROVER, settings.approver().name())
                .set(CLOSURE_SETTINGS.NOTICE_DAYS, settings.noticeDays())
                .set(CLOSURE_SETTINGS.NOTICE_DAY_COUNT, settings.noticeDayCount().name())
                .onConflict(CLOSURE_SETTINGS.PLAN_ID).doUpdate()
                .set(CLOSURE_SETTINGS.CONDITIONS, String.join("\n", conditions))
                .set(CLOSURE_SETTINGS.HEAD_SIGN_OFF, settings.headSignOff()).set(CLOSURE_SETTINGS.APPROVER, settings.approver().name())
                .set(CLOSURE_SETTINGS.NOTICE_DAYS, settings.noticeDays())
                .set(CLOSURE_SETTINGS.NOTICE_DAY_COUNT, settings.noticeDayCount().name())
                .execute();
        events.publishEvent(new ClosureSettingsChanged(planId, caller.signature(), clock.instant()));
        return views.settings(planId);
    }

    /**
     * Dates an attempt's notice period as it was, for loading closures that happened before (the demo, a move from an
     * older system); the procedure itself always starts the period on the day of approval.
     */
    public void dateNotice(long closureId, LocalDate from, LocalDate until) {
        db.update(CLOSURE).set(CLOSURE.NOTICE_FROM, from).set(CLOSURE.NOTICE_UNTIL, until)
                .where(CLOSURE.ID.eq(closureId).and(CLOSURE.STAGE.eq(ClosureStage.UNDER_NOTICE.name()))).execute();
    }

    // ---- the one way a step is taken ----

    private interface Change {
        Map<? extends org.jooq.Field<?>, ?> apply(ClosureDetail before, Instant now);
    }

    private ClosureDetail step(long closureId, int version, ClosureCommand command, String reason, Caller caller,
                               Change change) {
        ClosureDetail c = views.get(closureId, caller);
        allowed(c, version, command, caller);
        Instant now = clock.instant();
        ClosureStage to = command.target(c.kind());
        // the version first: of two offices closing at once, the second waits here and then finds it taken
        bump(c, version, caller, now, to);
        Map<? extends org.jooq.Field<?>, ?> fields = change.apply(c, now);
        if (!fields.isEmpty()) {
            db.update(CLOSURE).set(fields).where(CLOSURE.ID.eq(closureId)).execute();
        }
        if (c.kind() == ClosureKind.CLOSURE) {
            if (to == ClosureStage.RETURNED) {
                tasks.closureStep(c.taskId(), TaskCommand.RETURN_CLOSURE, reason.strip(), caller.signature());
            } else if (to == ClosureStage.CLOSED) {
                tasks.closureStep(c.taskId(), TaskCommand.CLOSE, null, caller.signature());
                supervision.resolve(c.taskId(), TaskStatus.CLOSED, now);
            }
        }
        ClosureDetail after = views.get(closureId, caller);
        events.publishEvent(new ClosureAdvanced(closureId, c.taskId(), c.taskRef(), c.kind(),
                command.name().toLowerCase().replace('_', '-'), c.stage(), to, after.number(), after.acceptanceUnitId(),
                caller.signature(), reason == null ? null : reason.strip(), now));
        return after;
    }

    private void allowed(ClosureDetail c, int version, ClosureCommand command, Caller caller) {
        // a step that is never the caller's is refused as such first: the stage and who last acted are not theirs to learn
        if (!views.mayEverTake(c, command, caller)) {
            throw new ForbiddenException("closure.stepForbidden", label("closure.command." + command));
        }
        if (!command.allowedFrom(c.stage())) {
            throw new ClosureRefused("closure.stepNotAllowed", label("closure.command." + command),
                    label("closure.stage." + c.stage()), c.lastActor());
        }
        if (!views.mayTake(c, command, caller)) {
            throw new ForbiddenException("closure.stepForbidden", label("closure.command." + command));
        }
        if (version != c.version()) {
            throw new ClosureRefused("closure.changedMeanwhile", c.lastActor());
        }
    }

    private void bump(ClosureDetail c, int version, Caller caller, Instant now) {
        bump(c, version, caller, now, c.stage());
    }

    private void bump(ClosureDetail c, int version, Caller caller, Instant now, ClosureStage to) {
        int updated = db.update(CLOSURE).set(CLOSURE.STAGE, to.name()).set(CLOSURE.VERSION, CLOSURE.VERSION.plus(1))
                .set(CLOSURE.LAST_ACTOR, caller.signature()).set(CLOSURE.UPDATED_AT, utc(now))
                .where(CLOSURE.ID.eq(c.id()).and(CLOSURE.VERSION.eq(version))).execute();
        if (updated == 0) {
            String who = db.select(CLOSURE.LAST_ACTOR).from(CLOSURE).where(CLOSURE.ID.eq(c.id())).fetchOne(CLOSURE.LAST_ACTOR);
            throw new ClosureRefused("closure.changedMeanwhile", who);
        }
    }

    private Map<org.jooq.Field<?>, Object> returned(Caller caller, String reason, Instant now) {
        Map<org.jooq.Field<?>, Object> set = new LinkedHashMap<>();
        set.put(CLOSURE.RETURNED_BY, caller.signature());
        set.put(CLOSURE.RETURNED_AT, utc(now));
        set.put(CLOSURE.RETURNED_REASON, reason.strip());
        return set;
    }

    /** Keeps the staged files and links them, with the capture time and place of photos read from their EXIF. */
    private void keep(long closureId, Long verificationId, List<StagedFile> files, Caller caller) {
        int position = 0;
        for (StagedFile staged : files) {
            EvidenceFile kept = evidences.record(staged, caller);
            PhotoExif.Taken taken = PhotoExif.Taken.NONE;
            if (kept.contentType().startsWith("image/jpeg")) {
                try (InputStream in = evidences.open(kept.id())) {
                    taken = PhotoExif.read(in);
                } catch (IOException e) {
                    taken = PhotoExif.Taken.NONE; // a photo without readable EXIF is still evidence
                }
            }
            db.insertInto(CLOSURE_EVIDENCE).set(CLOSURE_EVIDENCE.CLOSURE_ID, closureId)
                    .set(CLOSURE_EVIDENCE.VERIFICATION_ID, verificationId).set(CLOSURE_EVIDENCE.EVIDENCE_ID, kept.id())
                    .set(CLOSURE_EVIDENCE.POSITION, position++).set(CLOSURE_EVIDENCE.TAKEN_AT, taken.at())
                    .set(CLOSURE_EVIDENCE.TAKEN_LAT, taken.latitude()).set(CLOSURE_EVIDENCE.TAKEN_LON, taken.longitude())
                    .execute();
        }
    }

    private static ClosureKind kindFor(TaskDetail task) {
        return switch (task.status()) {
            case IN_PROGRESS, REOPENED -> ClosureKind.CLOSURE;
            case ONGOING -> ClosureKind.STAGE_CONFIRMATION;
            default -> null;
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[]{key}, key);
    }
}
