package org.rectify.supervision.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.rectify.supervision.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalTime;

/**
 * Dates move even when nothing happens: every night at 01:00 (China Standard Time) every task is
 * reassessed. db-scheduler runs it once across all app nodes, and catches up after a night the
 * application was down.
 */
@Configuration(proxyBeanMethods = false)
class NightlyRecomputation {

    static final String TASK_NAME = "recompute-warnings";
    private static final Logger log = LoggerFactory.getLogger(NightlyRecomputation.class);

    @Bean
    RecurringTask<Void> recomputeWarnings(Warnings warnings, Clock clock) {
        return Tasks.recurring(TASK_NAME, Schedules.daily(clock.getZone(), LocalTime.of(1, 0)))
                .execute((instance, context) -> {
                    long started = System.nanoTime();
                    int changed = warnings.recomputeAll(warnings.today());
                    log.info("Nightly warnings: {} tasks changed, in {} ms", changed, (System.nanoTime() - started) / 1_000_000);
                });
    }
}
