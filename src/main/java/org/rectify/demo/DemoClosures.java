package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.closure.ClosureApplication;
import org.rectify.closure.ClosureObjections;
import org.rectify.closure.ClosureViews;
import org.rectify.closure.Closures;
import org.rectify.closure.NewVerification;
import org.rectify.closure.VerificationMethod;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.ReplayClock;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Right after the demo loads, takes some of its tasks through the closure procedure, so the demo shows every stage:
 * 三(一) applied, 四(三) under verification, 五(四) failed once and applied again, 五(二)2 verified and awaiting
 * approval, 五(三)2 under notice with an objection to answer, 四(二)1 and 五(三)1 closed with a number, and 五(三)1 then relapsed (reopened). Runs once: not when the demo plan already has
 * attempts, and it leaves alone a task not in the state the story expects.
 */
@Component
class DemoClosures {

    private static final Logger log = LoggerFactory.getLogger(DemoClosures.class);
    /** How long ago the demo's closed tasks were applied for: their notice ran its course weeks before today. */
    static final int CLOSED_DAYS_AGO = 45;
    static final String PLAN = "临沧市贯彻落实省委省政府第二环境保护督察组督察反馈意见整改方案";

    private final Closures closures;
    private final ClosureObjections objections;
    private final ClosureViews views;
    private final TaskLedger ledger;
    private final Plans plans;
    private final Units units;
    private final Evidences evidences;
    private final TransactionTemplate transaction;
    private final org.rectify.plans.Tasks tasks;
    private final Clock clock;

    DemoClosures(Closures closures, ClosureObjections objections, ClosureViews views, TaskLedger ledger, Plans plans,
                 Units units, Evidences evidences, TransactionTemplate transaction, org.rectify.plans.Tasks tasks, Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.closures = closures;
        this.objections = objections;
        this.views = views;
        this.ledger = ledger;
        this.plans = plans;
        this.units = units;
        this.evidences = evidences;
        this.transaction = transaction;
    }

    /** Called by {@link DemoData} once the plan's past has been played, before anyone can sign in. */
    void play() {
        Long planId = plans.findByTitle(PLAN).orElse(null);
        if (planId == null) {
            return;
        }
        Caller office = office();
        var tasks = ledger.find(LedgerFilter.ofPlan(planId, LedgerFilter.MAX_PAGE_SIZE), office.scope()).tasks();
        if (tasks.stream().anyMatch(t -> !views.ofTask(t.id(), office).isEmpty())) {
            return; // played at an earlier start
        }
        Map<String, Long> byRef = tasks.stream().collect(Collectors.toMap(TaskSummary::ref, TaskSummary::id, (a, b) -> a));
        transaction.executeWithoutResult(status -> {
            apply(byRef.get("三(一)"), "市财政局", office);
            assign(apply(byRef.get("四(三)"), "市环境保护局", office), office);
            Long failed = assign(apply(byRef.get("五(四)"), "市环境保护局", office), office);
            verify(failed, office, false);
            apply(byRef.get("五(四)"), "市环境保护局", office);
            verify(assign(apply(byRef.get("五(二)2"), "市环境保护局", office), office), office, true);
            Long notice = verify(assign(apply(byRef.get("五(三)2"), "市环境保护局", office), office), office, true);
            if (approve(notice, office) != null) { // a member of the public objects: the office has one to answer
                objections.object(notice, "五(三)2涉及的南汀河段下游仍有异味，建议复查后再销号。", "0883-0000000", null,
                        ClosureObjections.clientKey("demo"));
            }
            close(byRef.get("四(二)1"), "市城乡规划局", office);
            close(byRef.get("五(三)1"), "市环境保护督察工作领导小组办公室", office);
            Long relapsed = byRef.get("五(三)1"); // closed, then found back by an unannounced visit (暗访)
            if (relapsed != null && ledger.get(relapsed, DataScope.ALL).status() == TaskStatus.CLOSED) {
                this.tasks.reopenAsRelapse(relapsed, "反弹：暗访发现入河排污口又有污水直排。（演示）", office.signature());
            }
        });
        log.info("Demo closures: tasks at every closure stage");
    }

    /**
     * Takes a started task through every step to CLOSED on the days a real closure would take: applied for and
     * verified {@link #CLOSED_DAYS_AGO} days ago, approved two days later (its notice period starts then and lasts as
     * the plan's settings say), closed the day after the notice ended. A look-back recorded today comes after all of it.
     */
    void close(Long taskId, String leadUnit, Caller office) {
        LocalDate today = views.today();
        LocalDate applied = today.minusDays(CLOSED_DAYS_AGO);
        Long closing = on(applied, () -> verify(assign(apply(taskId, leadUnit, office), office), office, true));
        if (closing == null || on(applied.plusDays(2), () -> approve(closing, office)) == null) {
            return;
        }
        LocalDate closedOn = views.get(closing, office).noticeUntil().plusDays(1);
        if (!closedOn.isAfter(today)) { // a plan with a notice period longer than a month stays under notice
            on(closedOn, () -> closures.close(closing, views.get(closing, office).version(), office));
        }
    }

    /** Runs the steps as if on {@code day} (10:00 in the offices' zone), so their records carry that day. */
    <T> T on(LocalDate day, java.util.function.Supplier<T> steps) {
        return ReplayClock.at(day.atTime(10, 0).atZone(clock.getZone()).toInstant(), steps);
    }

    /** The demo office that takes the closures' office steps. */
    Caller office() {
        return caller("临沧市", "演示·市督察整改办", Role.OFFICE);
    }

    private Long apply(Long taskId, String leadUnit, Caller office) {
        if (taskId == null || units.resolve(leadUnit).filter(org.rectify.units.UnitReference.OfUnit.class::isInstance).isEmpty()) {
            return null;
        }
        TaskDetail task = ledger.get(taskId, DataScope.ALL);
        if (task.status() != TaskStatus.IN_PROGRESS) {
            return null;
        }
        Caller staff = caller(leadUnit, "演示·" + leadUnit + "经办人", Role.UNIT_STAFF);
        int items = views.items(task, staff).size();
        List<ClosureApplication.Answer> answers = new ArrayList<>(Collections.nCopies(items,
                new ClosureApplication.Answer(true, "已按整改方案完成，详见佐证材料。")));
        List<StagedFile> staged = List.of(evidences.store().stage(new ByteArrayInputStream(
                ("%PDF-1.4\n% " + task.ref() + " 整改完成情况报告\n%%EOF\n").getBytes(StandardCharsets.UTF_8)), task.ref() + "整改完成情况报告.pdf"));
        return closures.apply(taskId, new ClosureApplication("整改措施已全部落实，整改效果经自查达到整改目标。", answers), staged, staff);
    }

    private Long assign(Long id, Caller office) {
        if (id != null) {
            closures.assignVerification(id, views.get(id, office).version(), null, true, office);
        }
        return id;
    }

    private Long verify(Long id, Caller office, boolean passed) {
        if (id != null) {
            List<StagedFile> staged = List.of(evidences.store().stage(new ByteArrayInputStream(
                    "%PDF-1.4\n% 现场核查记录\n%%EOF\n".getBytes(StandardCharsets.UTF_8)), "现场核查记录.pdf"));
            closures.verify(id, views.get(id, office).version(), new NewVerification(views.today(), // the day of this step
                    "市督察整改办 王明、市环境保护局 李华", VerificationMethod.ON_SITE,
                    passed ? "现场核查，整改措施落实到位，未发现问题反弹。" : "现场仍有未清理的建筑垃圾，整改不到位，请继续整改。", passed), staged, office);
        }
        return id;
    }

    private Long approve(Long id, Caller office) {
        if (id != null) {
            closures.approve(id, views.get(id, office).version(), office);
        }
        return id;
    }

    private Caller caller(String unitName, String displayName, Role role) {
        Unit unit = units.get(units.resolve(unitName).orElseThrow().id());
        DataScope scope = role.isUnitRole() ? DataScope.ofUnit(unit.path()) : DataScope.ofJurisdiction(unit.path());
        return new Caller(0, "demo", displayName, unit.id(), unit.name(), role, scope);
    }
}
