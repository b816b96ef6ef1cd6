package org.rectify.platform.internal;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.EventsHandled;
import org.rectify.IntegrationTest;
import org.rectify.plans.Milestone;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskContent;
import org.rectify.plans.Tasks;
import org.rectify.plans.TasksCreated;
import org.rectify.plans.UnitAssignment;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up (issue 14): the publications an earlier run left outstanding are handed to their listeners after the web
 * server has opened, not while the beans are made; only those, not this run's own, which their listeners have already.
 */
@IntegrationTest
@EnableScenarios
class RepublicationAfterStartTests {

    static final String ASSESSMENT = "org.rectify.supervision.internal.WarningTriggers.on(org.rectify.plans.TasksCreated)";

    @Autowired
    Tasks tasks;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DSLContext db;
    @Autowired
    EventPublicationRegistry publications;
    @Autowired
    EventSerializer serializer;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;

    @Test
    void the_application_republishes_after_its_start_and_spring_modulith_not_while_the_beans_are_made() {
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart", Boolean.class))
                .isFalse();
        assertThat(context.getBeansOfType(RepublicationAfterStart.class)).hasSize(1);
    }

    @Test
    void an_earlier_runs_outstanding_assessment_is_made_after_the_start_and_this_runs_own_is_left_to_its_listener(
            Scenario scenario) {
        long plan = plans.createPlan(null, "重启后补发事件整改方案", "测试", null, unit("临沧市"));
        List<Long> created = new ArrayList<>(); // filled by the stimulus, read by the wait
        scenario.stimulate(() -> created.addAll(tasks.createAll(plan, List.of(overdue(plan, "一"), overdue(plan, "二")), true,
                        Demo.cityOffice(units))))
                .andWaitForStateChange(new EventsHandled(publications).about(created), Boolean.TRUE::equals);
        long earlierTask = created.get(0);
        long ownTask = created.get(1);
        // as a stop between the creation's commit and its assessment leaves them: no warning, the assessment outstanding
        jdbc.update("delete from task_warning where task_id in (?, ?)", earlierTask, ownTask);
        UUID earlier = outstandingAssessment(plan, earlierTask);
        UUID own = null;
        try {
            RepublicationAfterStart start = new RepublicationAfterStart(db, incomplete, true);
            start.afterSingletonsInstantiated(); // the beans are made: noted, not handed over
            assertThat(start.earlier()).contains(earlier);
            assertThat(status(earlier)).isEqualTo("PUBLISHED");
            own = outstandingAssessment(plan, ownTask); // published by this run once its beans were made

            // the web server is open: what the ready start's thread does, for this test's publication alone (the shared
            // database may hold other tests' outstanding ones)
            scenario.stimulate(() -> start.resubmit(Set.of(earlier)))
                    .andWaitForStateChange(() -> "COMPLETED".equals(status(earlier)), Boolean.TRUE::equals);
            assertThat(levels(earlierTask)).containsExactly("RED");
            assertThat(status(own)).as("this run's own, its listener's").isEqualTo("PUBLISHED");
            assertThat(jdbc.queryForObject("select last_resubmission_date is null from event_publication where id = ?",
                    Boolean.class, own)).isTrue();
            assertThat(levels(ownTask)).isEmpty();
        } finally {
            jdbc.update("delete from event_publication where id in (?, ?)", earlier, own);
        }
    }

    @Test
    void a_stop_ends_the_hand_over_and_leaves_the_rest_outstanding_for_the_next_start() {
        long plan = plans.createPlan(null, "停止时未补发事件整改方案", "测试", null, unit("临沧市"));
        UUID left = outstandingAssessment(plan, -1);
        try {
            RepublicationAfterStart start = new RepublicationAfterStart(db, incomplete, true);
            start.afterSingletonsInstantiated();
            start.stop(); // the application is closing
            start.resubmit(Set.of(left));
            assertThat(status(left)).isEqualTo("PUBLISHED");
            assertThat(jdbc.queryForObject("select last_resubmission_date is null from event_publication where id = ?",
                    Boolean.class, left)).isTrue();
        } finally {
            jdbc.update("delete from event_publication where id = ?", left);
        }
    }

    private TaskContent overdue(long plan, String ref) {
        return new TaskContent(plan, ref, null, "逾期任务" + ref, null,
                new UnitAssignment(List.of(unit("市财政局")), List.of()), UnitAssignment.NONE, null,
                List.of(new Milestone(LocalDate.now().minusDays(10), "完成", null)), List.of(), List.of(), false);
    }

    private UUID outstandingAssessment(long plan, long task) {
        UUID id = UUID.randomUUID();
        String event = serializer.serialize(new TasksCreated(plan, List.of(task), true, "市整改办", Instant.now())).toString();
        jdbc.update("""
                insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                                               completion_attempts)
                values (?, 'org.rectify.plans.TasksCreated', ?, now(), ?, 'PUBLISHED', 1)""", id, ASSESSMENT, event);
        return id;
    }

    private String status(UUID publication) {
        return jdbc.queryForObject("select status from event_publication where id = ?", String.class, publication);
    }

    private List<String> levels(long task) {
        return jdbc.queryForList("select level from task_warning where task_id = ?", String.class, task);
    }

    private long unit(String name) {
        return units.resolve(name).orElseThrow().id();
    }
}
