package org.rectify.supervision;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.access.Caller;
import org.rectify.plans.Milestone;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskContent;
import org.rectify.plans.TaskCreated;
import org.rectify.plans.Tasks;
import org.rectify.plans.TasksCreated;
import org.rectify.plans.UnitAssignment;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade from a jar before session 22, which left a created task's assessment outstanding for a listener that is
 * gone ({@code WarningTriggers.on(TaskCreated)}): V72 hands it to the listener that took over, so the republication at
 * the next start assesses the task, and the old publication is no longer outstanding.
 */
@IntegrationTest
@EnableScenarios
class OlderJarPublicationsTests {

    static final String OLD = "org.rectify.supervision.internal.WarningTriggers.on(org.rectify.plans.TaskCreated)";

    @Autowired
    Tasks tasks;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    EventSerializer serializer;
    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void a_task_an_older_jar_left_unassessed_is_assessed_at_the_start_after_the_upgrade(Scenario scenario) throws Exception {
        long plan = plans.createPlan(null, "旧版本遗留评估整改方案", "测试", null, unit("临沧市"));
        TaskContent overdue = new TaskContent(plan, "一", null, "逾期任务", null,
                new UnitAssignment(List.of(unit("市财政局")), List.of()), UnitAssignment.NONE, null,
                List.of(new Milestone(LocalDate.now().minusDays(10), "完成", null)), List.of(), List.of(), false);
        List<Long> created = new ArrayList<>(); // filled by the stimulus, read by the wait (mutable: it holds no null)
        scenario.stimulate(() -> created.addAll(tasks.createAll(plan, List.of(overdue), true, office())))
                .andWaitForStateChange(new EventsHandled(publications).about(created), Boolean.TRUE::equals);
        long[] id = {created.get(0)};
        // as the older jar left it: created and assigned, its assessment outstanding for a listener that is gone
        jdbc.update("delete from task_warning where task_id = ?", id[0]);
        String event = serializer.serialize(new TaskCreated(id[0], plan, "一", "市整改办", Instant.now())).toString();
        jdbc.update("""
                insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                                               completion_attempts, last_resubmission_date)
                values (gen_random_uuid(), 'org.rectify.plans.TaskCreated', ?, now(), ?, 'FAILED', 1, now())""", OLD, event);

        jdbc.execute(new ClassPathResource("db/migration/V72__warning_publications_of_created_tasks.sql")
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id = ?"
                + " and (completion_date is null or status <> 'COMPLETED')", Integer.class, OLD)).as("old outstanding").isZero();
        List<TasksCreated> handedOver = publications.findIncompletePublications().stream()
                .filter(p -> p.getEvent() instanceof TasksCreated t && t.taskIds().contains(id[0]))
                .map(p -> (TasksCreated) p.getEvent()).toList();
        assertThat(handedOver).singleElement().satisfies(t -> {
            assertThat(t.planId()).isEqualTo(plan);
            assertThat(t.taskIds()).containsExactly(id[0]);
        });
        assertThat(jdbc.queryForList("select level from task_warning where task_id = ?", String.class, id[0])).isEmpty();

        // what the start does once the web server is open (platform.internal.RepublicationAfterStart)
        scenario.stimulate(() -> incomplete.resubmitIncompletePublications(
                        p -> p.getEvent() instanceof TasksCreated t && t.taskIds().contains(id[0])))
                .andWaitForStateChange(new EventsHandled(publications).about(created), Boolean.TRUE::equals);
        assertThat(jdbc.queryForList("select level from task_warning where task_id = ?", String.class, id[0]))
                .containsExactly("RED");
    }

    private Caller office() {
        return Demo.cityOffice(units);
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }
}
