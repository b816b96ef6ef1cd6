package org.rectify.supervision.internal;

import org.junit.jupiter.api.Test;
import org.rectify.plans.TaskFigure;
import org.rectify.plans.TaskStatus;
import org.rectify.supervision.Assessment;
import org.rectify.supervision.SupervisionSettings;
import org.rectify.supervision.TaskFacts;
import org.rectify.supervision.WarningPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures' definitions on their own, against the warning rules: no database. */
class FigureDefinitionsTests {

    private final FigureDefinitions figures = new FigureDefinitions();
    private final WarningPolicy policy = new WarningPolicy(SupervisionSettings.DEFAULT);

    /** The statuses the ledger keeps open tasks of (V45): assigned to reopened, no drafts. */
    private static final Set<TaskStatus> OPEN = EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
            TaskStatus.CLOSURE_REQUESTED, TaskStatus.ONGOING, TaskStatus.REOPENED);

    @Test
    void a_figure_whose_tasks_are_walked_in_plan_order_or_by_deadline_as_open_ones_is_given_by_the_rules_to_no_draft_closed_or_cancelled_task() {
        LocalDate today = LocalDate.of(2018, 6, 1);
        List<TaskFigure> ofOpenTasks = Arrays.stream(TaskFigure.values()).filter(f -> figures.tasksOf(f).isPresent()).toList();
        assertThat(ofOpenTasks).containsExactlyInAnyOrder(TaskFigure.ON_SCHEDULE, TaskFigure.BEHIND, TaskFigure.OVERDUE,
                TaskFigure.RED, TaskFigure.YELLOW, TaskFigure.BLUE);
        Set<TaskFigure> given = EnumSet.noneOf(TaskFigure.class);
        for (TaskStatus status : TaskStatus.values()) {
            for (TaskFacts task : everyKindOfTask(status, today)) {
                Assessment a = policy.assess(task, today);
                for (TaskFigure figure : ofOpenTasks) {
                    if (figures.holds(figure, status.name(), a.scheduleStatus().name(), a.level().name())) {
                        assertThat(status).as("%s given to %s", figure, task).isIn(OPEN);
                        given.add(figure);
                    }
                }
            }
        }
        assertThat(given).as("each given to some open task").containsExactlyInAnyOrderElementsOf(ofOpenTasks);
    }

    /** The task in every state the rules tell apart: its deadline and milestones near, past or none, notices, reports. */
    private static List<TaskFacts> everyKindOfTask(TaskStatus status, LocalDate today) {
        List<TaskFacts> tasks = new ArrayList<>();
        List<LocalDate> dates = Arrays.asList(null, today.minusDays(10), today.plusDays(5), today.plusYears(1));
        for (LocalDate deadline : dates) {
            for (LocalDate nextDue : dates) {
                for (LocalDate lastPassed : Arrays.asList(null, today.minusDays(3))) {
                    for (int flags = 0; flags < 8; flags++) {
                        tasks.add(new TaskFacts(status, deadline, nextDue, lastPassed, (flags & 1) != 0, (flags & 2) != 0,
                                (flags & 4) != 0));
                    }
                }
            }
        }
        return tasks;
    }
}
