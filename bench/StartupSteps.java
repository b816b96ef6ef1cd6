import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

import java.time.Duration;
import java.util.*;
import java.util.stream.StreamSupport;

/**
 * Where the start's time goes (issue 14): starts the application with Spring's BufferingApplicationStartup, then
 * prints the slowest steps (bean instantiations with their bean name, context phases), each with its own time
 * (its children's subtracted) and its total, and exits. Run on the extracted jar (README "Start-up"):
 *   java -Djarmode=tools -jar target/rectify.jar extract --destination /tmp/rectify-x
 *   java -cp /tmp/rectify-x/rectify.jar bench/StartupSteps.java --rectify.data-dir=/tmp/demo --server.port=18199
 */
public class StartupSteps {
    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        SpringApplication app = new SpringApplication(Class.forName("org.rectify.RectifyApplication"));
        app.setApplicationStartup(startup);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = app.run(args);
        long total = (System.nanoTime() - t0) / 1_000_000;
        List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> childTime = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, e.getDuration().toMillis(), Long::sum);
            }
        }
        record Row(long own, long total, String name) { }
        List<Row> rows = new ArrayList<>();
        for (StartupTimeline.TimelineEvent e : events) {
            StartupStep step = e.getStartupStep();
            StringBuilder name = new StringBuilder(step.getName());
            StreamSupport.stream(step.getTags().spliterator(), false)
                    .forEach(t -> name.append(' ').append(t.getKey()).append('=').append(abbreviate(t.getValue())));
            long ms = e.getDuration().toMillis();
            rows.add(new Row(ms - childTime.getOrDefault(step.getId(), 0L), ms, name.toString()));
        }
        rows.sort(Comparator.comparingLong(Row::own).reversed());
        System.out.printf("%n== SpringApplication.run: %d ms; %d steps; the 30 with the most own time (ms own / total)%n", total, rows.size());
        rows.stream().limit(30).forEach(r -> System.out.printf("%6d %6d  %s%n", r.own(), r.total(), r.name()));
        context.close();
        System.exit(0);
    }

    private static String abbreviate(String value) {
        return value.length() > 110 ? value.substring(0, 110) + "…" : value;
    }
}
