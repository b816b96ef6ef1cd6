package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.UnitDuty;
import org.rectify.units.NewUnit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_CONTRIBUTION;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The due list read from V52's kept duties (issue 14: a page of them, not the subtree's) is what the old path read, for
 * the city office running the demo plan, a county office, a department's staff and an administrator: every page of
 * the API's list and its totals, the whole list of the page, a chosen cycle; on the demo data, then with a report
 * submitted, a draft, contributions and a new plan without a cadence; then after tasks closed, reopened, cancelled and
 * reassigned and a unit moved in the tree (the kept rows themselves: OpenDutyKeptTests). The old path is kept here as
 * it was: the lead page, the supporting page and their counts in three statements, then per plan its cadence, cycles,
 * current cycle, slots and contributions.
 */
@IntegrationTest
class DueListOnePassTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DSLContext db;
    @Autowired
    Units units;
    @Autowired
    Plans plans;
    @Autowired
    TaskLedger ledger;
    @Autowired
    ReportingCycles cycles;
    @Autowired
    ProgressViews views;
    @Autowired
    Clock clock;
    @Autowired
    UnitAdministration unitAdministration;

    private Map<String, Caller> callers() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        Demo.scopes(units).forEach((name, scope) -> callers.put(name,
                caller(name.endsWith("staff") ? Role.UNIT_STAFF : Role.OFFICE, scope)));
        callers.put("admin", caller(Role.ADMIN, DataScope.ALL));
        return callers;
    }

    private static Caller caller(Role role, DataScope scope) {
        return new Caller(0, "test", "测试", 0, "测试", role, scope);
    }

    @Test
    void every_page_and_the_whole_list_are_the_old_ones_for_each_role_on_the_demo_data_and_with_reports_and_contributions()
            throws Exception {
        long demoPlan = Demo.planId(plans);
        List<ReportingCycle> demoCycles = cycles.cycles(demoPlan);
        assertThat(demoCycles).as("the demo plan has cycles").hasSizeGreaterThan(1);
        assertEveryRoleReadsTheOldList(null);
        assertEveryRoleReadsTheOldList(demoCycles.get(0).id()); // a past cycle of the demo plan, the others' current

        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long reported = plan.task(List.of("市环境保护局", "临翔区"), List.of("市财政局"));
        long drafted = plan.task(List.of("市环境保护局"), List.of("临翔区"));
        long supported = plan.task(List.of("市财政局"), List.of("市环境保护局"));
        plan.submitted(epbStaff(), reported, plan.currentCycle);
        plan.submitted(epbStaff(), reported, plan.pastCycle);
        plan.report(epbStaff(), drafted, plan.currentCycle, ProgressFixture.content("草稿"), false)
                .andExpect(status().is2xxSuccessful());
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/progress/contributions").with(epbStaff()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"taskId\": %d, \"cycleId\": %d, \"text\": \"点位数据 %d\"}"
                                    .formatted(supported, plan.currentCycle, i)))
                    .andExpect(status().isCreated());
        }
        ProgressFixture.bare(mvc, units, plan.today).task(List.of("临翔区", "市环境保护局"), List.of("市财政局"));

        Map<String, Integer> seen = assertEveryRoleReadsTheOldList(null);
        assertEveryRoleReadsTheOldList(plan.pastCycle);
        assertThat(seen.get("epb-staff")).as("the staff's list has the new tasks' items").isPositive();
        DuePage staff = views.duePage(callers().get("epb-staff"), plan.planId, null, 0, 200);
        var items = staff.plans().get(0).items().stream().collect(Collectors.toMap(DueList.Item::taskId, i -> i));
        assertThat(items.get(reported).status().state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(items.get(drafted).status().state()).isEqualTo(ReportState.DRAFT);
        assertThat(staff.plans().get(0).supporting()).filteredOn(s -> s.taskId() == supported)
                .singleElement().extracting(DueList.Support::contributions).isEqualTo(2);
    }

    @Test
    void every_role_reads_the_old_list_after_closure_reopening_cancelling_reassignment_and_a_unit_moved() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long closing = plan.task(List.of("市环境保护局", "临翔区"), List.of("市财政局"));
        long reassigned = plan.task(List.of("临翔区"), List.of("市环境保护局"));
        long cancelled = plan.task(List.of("市财政局"), List.of("临翔区"));
        long station = unitAdministration.create(new NewUnit(plan.unit("临翔区"), "应报测试监测站", UnitLevel.COUNTY,
                UnitType.DEPARTMENT)).id();
        long ledByStation = plan.task(List.of("临翔区"), List.of());
        TestTasks.reassign(mvc, ledger, ledByStation, List.of(station), List.of(plan.unit("市财政局")));
        plan.transition(closing, "START");
        plan.submitted(epbStaff(), closing, plan.currentCycle);
        assertEveryRoleReadsTheOldList(null);

        plan.transition(closing, "REQUEST_CLOSURE");
        assertEveryRoleReadsTheOldList(null);
        plan.transition(closing, "CLOSE");
        assertThat(views.due(callers().get("epb-staff"), plan.planId, null).plans()).flatMap(DueList.PlanDue::items)
                .as("a closed task is due from no one").noneMatch(i -> i.taskId() == closing);
        assertEveryRoleReadsTheOldList(null);
        plan.transition(closing, "REOPEN");
        assertThat(views.due(callers().get("epb-staff"), plan.planId, null).plans()).flatMap(DueList.PlanDue::items)
                .as("a reopened task is due again").anyMatch(i -> i.taskId() == closing);
        assertEveryRoleReadsTheOldList(plan.pastCycle);

        TestTasks.reassign(mvc, ledger, reassigned, List.of(plan.unit("市环境保护局"), plan.unit("临翔区")),
                List.of(plan.unit("市财政局")));
        assertEveryRoleReadsTheOldList(null);
        plan.transition(cancelled, "CANCEL");
        assertEveryRoleReadsTheOldList(null);
        unitAdministration.move(station, plan.unit("临沧市")); // from the county to the city: out of the county's list
        assertEveryRoleReadsTheOldList(null);
    }

    /** Each role's pages of 20 (and one past the end) and its whole list against the old path; the items seen per role. */
    private Map<String, Integer> assertEveryRoleReadsTheOldList(Long cycleId) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (var c : callers().entrySet()) {
            Caller caller = c.getValue();
            DuePage first = views.duePage(caller, null, cycleId, 0, 20);
            assertThat(first.total()).as(c.getKey()).isPositive();
            int pages = first.pages();
            for (int p = 0; p <= pages; p++) {
                assertThat(views.duePage(caller, null, cycleId, p, 20)).as("%s page %d of %d", c.getKey(), p, pages)
                        .isEqualTo(oldPage(caller, null, cycleId, p, 20));
            }
            DueList whole = views.due(caller, null, cycleId);
            assertThat(whole).as("%s whole list", c.getKey()).isEqualTo(new DueList(oldPage(caller, null, cycleId, 0,
                    Integer.MAX_VALUE).plans()));
            for (DueList.PlanDue plan : whole.plans()) {
                assertThat(views.duePage(caller, plan.planId(), cycleId, 0, 50)).as("%s plan %d", c.getKey(), plan.planId())
                        .isEqualTo(oldPage(caller, plan.planId(), cycleId, 0, 50));
            }
            seen.put(c.getKey(), first.total());
        }
        return seen;
    }

    // ---- the old path

    private DuePage oldPage(Caller caller, Long planId, Long cycleId, int page, int size) {
        String path = caller.scope().unitPath();
        List<UnitDuty> leads = ledger.duties(path, planId, ReportingCycles.REPORTING, true);
        List<UnitDuty> supports = ledger.duties(path, planId, ReportingCycles.REPORTING, false);
        long from = (long) page * size;
        return new DuePage(oldDueOf(slice(leads, from, size), slice(supports, from, size), cycleId), page, size,
                leads.size(), supports.size());
    }

    private static List<UnitDuty> slice(List<UnitDuty> all, long from, int size) {
        return all.subList((int) Math.min(from, all.size()), (int) Math.min(from + size, all.size()));
    }

    private List<DueList.PlanDue> oldDueOf(List<UnitDuty> leads, List<UnitDuty> supports, Long cycleId) {
        Map<Long, List<UnitDuty>> leadsByPlan = leads.stream().collect(Collectors.groupingBy(UnitDuty::planId,
                LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<UnitDuty>> supportsByPlan = supports.stream().collect(Collectors.groupingBy(UnitDuty::planId,
                LinkedHashMap::new, Collectors.toList()));
        Set<Long> planIds = new LinkedHashSet<>(leadsByPlan.keySet());
        planIds.addAll(supportsByPlan.keySet());
        Map<Long, String> titles = plans.titles(planIds);
        LocalDate today = cycles.today();
        List<DueList.PlanDue> out = new ArrayList<>();
        for (long plan : planIds) {
            ReportingCadence cadence = cycles.cadence(plan).orElse(null);
            List<ReportingCycle> all = cycles.cycles(plan);
            ReportingCycle cycle = cycleId == null ? null
                    : all.stream().filter(c -> c.id() == cycleId).findFirst().orElse(null);
            if (cycle == null) {
                cycle = oldCurrent(plan, today);
            }
            List<UnitDuty> planLeads = leadsByPlan.getOrDefault(plan, List.of());
            List<UnitDuty> planSupports = supportsByPlan.getOrDefault(plan, List.of());
            List<DueList.Item> items = new ArrayList<>();
            List<DueList.Support> supporting = new ArrayList<>();
            if (cycle != null) {
                Map<String, SlotStatus> slots = oldSlots(cycle, planLeads, today);
                Map<String, Integer> contributed = oldContributions(cycle.id(), planLeads, true);
                SlotStatus missing = SlotStates.of(null, null, null, null, null, null, cycle, today, clock.getZone());
                for (UnitDuty d : planLeads) {
                    items.add(new DueList.Item(d.taskId(), d.ref(), d.displayTitle(), d.status(), d.unitId(), d.unitName(),
                            d.groupName(), slots.getOrDefault(d.taskId() + "/" + d.unitId(), missing),
                            contributed.getOrDefault(d.taskId() + "/" + d.unitId(), 0)));
                }
                Map<String, Integer> mine = oldContributions(cycle.id(), planSupports, false);
                for (UnitDuty d : planSupports) {
                    supporting.add(new DueList.Support(d.taskId(), d.ref(), d.displayTitle(), d.unitId(), d.unitName(),
                            mine.getOrDefault(d.taskId() + "/" + d.unitId(), 0)));
                }
            } else {
                for (UnitDuty d : planLeads) {
                    items.add(new DueList.Item(d.taskId(), d.ref(), d.displayTitle(), d.status(), d.unitId(), d.unitName(),
                            d.groupName(), SlotStatus.MISSING, 0));
                }
            }
            out.add(new DueList.PlanDue(plan, titles.get(plan), cadence, cycle, all, items, supporting));
        }
        return out;
    }

    /** The old current cycle: the last begun, else the first, each in its own statement. */
    private ReportingCycle oldCurrent(long planId, LocalDate today) {
        return db.selectFrom(REPORTING_CYCLE)
                .where(REPORTING_CYCLE.PLAN_ID.eq(planId).and(REPORTING_CYCLE.PERIOD_START.le(today)))
                .orderBy(REPORTING_CYCLE.PERIOD_START.desc()).limit(1).fetchOptional(ReportingCycles::toCycle)
                .or(() -> db.selectFrom(REPORTING_CYCLE).where(REPORTING_CYCLE.PLAN_ID.eq(planId))
                        .orderBy(REPORTING_CYCLE.PERIOD_START).limit(1).fetchOptional(ReportingCycles::toCycle))
                .orElse(null);
    }

    private Map<String, SlotStatus> oldSlots(ReportingCycle cycle, List<UnitDuty> leads, LocalDate today) {
        Map<String, SlotStatus> out = new HashMap<>();
        if (leads.isEmpty()) {
            return out;
        }
        db.select(REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID, REPORT_SLOT.STATE, REPORT_SLOT.FIRST_SUBMITTED_AT,
                        REPORT_SLOT.LATEST_REPORT_ID, REPORT_SLOT.SUBMITTED_REPORT_ID, PROGRESS_REPORT.VERSION, PROGRESS_REPORT.STATUS)
                .from(REPORT_SLOT).leftJoin(PROGRESS_REPORT).on(PROGRESS_REPORT.ID.eq(REPORT_SLOT.LATEST_REPORT_ID))
                .where(REPORT_SLOT.CYCLE_ID.eq(cycle.id())
                        .and(REPORT_SLOT.UNIT_ID.in(leads.stream().map(UnitDuty::unitId).collect(Collectors.toSet()))))
                .forEach(r -> out.put(r.get(REPORT_SLOT.TASK_ID) + "/" + r.get(REPORT_SLOT.UNIT_ID),
                        SlotStates.of(r.get(REPORT_SLOT.STATE), r.get(REPORT_SLOT.FIRST_SUBMITTED_AT),
                                r.get(REPORT_SLOT.LATEST_REPORT_ID), r.get(PROGRESS_REPORT.VERSION), r.get(PROGRESS_REPORT.STATUS),
                                r.get(REPORT_SLOT.SUBMITTED_REPORT_ID), cycle, today, clock.getZone())));
        return out;
    }

    private Map<String, Integer> oldContributions(long cycleId, List<UnitDuty> duties, boolean byLead) {
        Map<String, Integer> out = new HashMap<>();
        if (duties.isEmpty()) {
            return out;
        }
        var unit = byLead ? REPORT_CONTRIBUTION.LEAD_UNIT_ID : REPORT_CONTRIBUTION.UNIT_ID;
        db.select(REPORT_CONTRIBUTION.TASK_ID, unit, org.jooq.impl.DSL.count()).from(REPORT_CONTRIBUTION)
                .where(REPORT_CONTRIBUTION.CYCLE_ID.eq(cycleId)
                        .and(REPORT_CONTRIBUTION.TASK_ID.in(duties.stream().map(UnitDuty::taskId).collect(Collectors.toSet()))))
                .groupBy(REPORT_CONTRIBUTION.TASK_ID, unit)
                .forEach(r -> out.put(r.value1() + "/" + r.value2(), r.value3()));
        return out;
    }
}
