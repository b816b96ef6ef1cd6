package org.rectify.plans;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of a scope's ledger in plan order walks the plans it sees when that reads fewer tasks than collecting them. */
class PlanOrderWalkTests {

    private static final Set<TaskStatus> EVERY = Set.of();

    /** A county at 1,000,000 tasks: all its 6,223 tasks in its city's plan of 47,619, a quarter of them in progress. */
    private final PlanOrderWalk county = new PlanOrderWalk(List.of(new PlanOrderWalk.PlanShare(2, 6_223, 47_619)),
            Map.of(TaskStatus.IN_PROGRESS, 1_556L, TaskStatus.CLOSED, 4_667L));

    /** A city at 1,000,000 tasks: 2,652 of the province's plan, all 47,619 of its own. */
    private final PlanOrderWalk city = new PlanOrderWalk(List.of(new PlanOrderWalk.PlanShare(1, 2_652, 47_619),
            new PlanOrderWalk.PlanShare(2, 47_619, 47_619)), Map.of(TaskStatus.CLOSED, 50_271L));

    /** A unit with 30 tasks spread over a plan of 47,619. */
    private final PlanOrderWalk sparse = new PlanOrderWalk(List.of(new PlanOrderWalk.PlanShare(2, 30, 47_619)),
            Map.of(TaskStatus.CLOSED, 30L));

    @Test
    void a_countys_first_pages_walk_its_plan_and_a_deep_page_collects_its_tasks() {
        assertThat(county.pays(0, 50, false, EVERY)).as("383 tasks walked against 6,223 collected").isTrue();
        assertThat(county.pays(750, 50, false, EVERY)).as("6,122 walked").isTrue();
        assertThat(county.pays(850, 50, false, EVERY)).as("6,887 walked").isFalse();
    }

    @Test
    void a_walk_passes_whole_plans_before_the_page_in_the_order_asked() {
        assertThat(city.pays(0, 50, false, EVERY)).as("898 of the province's plan walked").isTrue();
        assertThat(city.pays(2_620, 50, false, EVERY)).as("all 47,619 of it, and 18 of its own").isTrue();
        assertThat(city.pays(0, 50, true, EVERY)).as("descending: 50 of its own plan first").isTrue();
        assertThat(city.pays(47_600, 50, true, EVERY)).as("its own 47,619 and 557 of the province's").isTrue();
    }

    @Test
    void a_status_asked_walks_as_far_as_its_part_of_the_scopes_tasks_needs_and_a_status_with_no_task_is_not_walked() {
        Set<TaskStatus> inProgress = Set.of(TaskStatus.IN_PROGRESS);
        assertThat(county.pays(0, 50, false, inProgress)).as("1,530 walked for a quarter of the county's tasks").isTrue();
        assertThat(county.pays(150, 50, false, inProgress)).as("6,122 walked").isTrue();
        assertThat(county.pays(200, 50, false, inProgress)).as("7,652 walked").isFalse();
        assertThat(county.pays(0, 50, false, Set.of(TaskStatus.REOPENED))).as("none reopened").isFalse();
    }

    @Test
    void a_scope_thinly_spread_over_a_plan_collects_its_tasks() {
        assertThat(sparse.pays(0, 50, false, EVERY)).as("the whole plan walked for 30 tasks").isFalse();
        assertThat(new PlanOrderWalk(List.of(), Map.of()).pays(0, 50, false, EVERY)).as("no task: nothing to walk").isFalse();
    }

    @Test
    void collecting_a_scopes_tasks_of_some_statuses_reads_their_index_only_while_they_are_few_in_the_province_beside_the_scopes() {
        // the province at 1,000,000 tasks
        Map<TaskStatus, Long> province = Map.of(TaskStatus.ASSIGNED, 119_715L, TaskStatus.CLOSURE_REQUESTED, 81_565L,
                TaskStatus.REOPENED, 2L);
        PlanOrderWalk department = new PlanOrderWalk(List.of(new PlanOrderWalk.PlanShare(2, 1_262, 47_619)),
                Map.of(TaskStatus.ASSIGNED, 158L, TaskStatus.CLOSED, 1_104L));
        assertThat(department.statusIndexPays(province, Set.of(TaskStatus.ASSIGNED))).as("119,715 entries for 1,262 rows").isFalse();
        assertThat(department.statusIndexPays(province, Set.of(TaskStatus.REOPENED))).as("2 entries").isTrue();
        assertThat(city.statusIndexPays(province, Set.of(TaskStatus.CLOSURE_REQUESTED))).as("81,565 entries for 50,271 rows").isTrue();
        assertThat(county.statusIndexPays(province, Set.of(TaskStatus.ASSIGNED, TaskStatus.CLOSURE_REQUESTED)))
                .as("201,280 entries for 6,223 rows").isFalse();
    }

    @Test
    void a_figures_page_walks_its_entries_for_a_city_and_a_countys_first_page_and_collects_the_open_tasks_of_a_thinner_scope_or_deeper() {
        // the province at 1,000,000 tasks: 683,932 open
        Map<TaskStatus, Long> province = Map.of(TaskStatus.ASSIGNED, 119_713L, TaskStatus.IN_PROGRESS, 402_253L,
                TaskStatus.CLOSURE_REQUESTED, 81_565L, TaskStatus.ONGOING, 80_399L, TaskStatus.REOPENED, 2L,
                TaskStatus.CLOSED, 295_873L);
        PlanOrderWalk county = new PlanOrderWalk(List.of(), Map.of(TaskStatus.IN_PROGRESS, 4_222L, TaskStatus.CLOSED, 2_001L));
        assertThat(county.figureWalkPays(province, 0, 50)).as("8,100 entries walked against 4,222 open tasks collected").isTrue();
        assertThat(county.figureWalkPays(province, 50, 50)).as("16,200 entries walked").isFalse();
        PlanOrderWalk city = new PlanOrderWalk(List.of(), Map.of(TaskStatus.IN_PROGRESS, 34_281L));
        assertThat(city.figureWalkPays(province, 1_000, 50)).as("20,948 entries against 34,281 tasks").isTrue();
        PlanOrderWalk department = new PlanOrderWalk(List.of(), Map.of(TaskStatus.ASSIGNED, 700L, TaskStatus.CLOSED, 562L));
        assertThat(department.figureWalkPays(province, 0, 50)).as("48,852 entries against 700 tasks").isFalse();
        assertThat(sparse.figureWalkPays(province, 0, 50)).as("no open task: nothing to walk for").isFalse();
        assertThat(new PlanOrderWalk(List.of(), province).figureWalkPays(province, 600_000, 50)).as("the province: its own entries")
                .isTrue();
    }
}
