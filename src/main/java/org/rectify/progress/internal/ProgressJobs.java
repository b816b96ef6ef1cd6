package org.rectify.progress.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.rectify.progress.Evidences;
import org.rectify.progress.ReportingCycles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Duration;

/**
 * The module's jobs, run by db-scheduler (once across nodes): every hour the evidence clean-up (interrupted uploads,
 * files no report references, both older than an hour), every day the generation of cycles ahead. The clean-up also
 * runs once at start-up, in the background, for what a crash left behind.
 */
@Configuration(proxyBeanMethods = false)
class ProgressJobs {

    private static final Logger log = LoggerFactory.getLogger(ProgressJobs.class);

    private final Evidences evidences;
    private final ReportingCycles cycles;
    ProgressJobs(Evidences evidences, ReportingCycles cycles) {
        this.evidences = evidences;
        this.cycles = cycles;
    }

    @Bean
    RecurringTask<Void> progressEvidenceCleanUp() {
        return Tasks.recurring("progress-evidence-clean-up", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> evidences.cleanUp(Evidences.CLEAN_UP_AFTER));
    }

    @Bean
    RecurringTask<Void> progressCycleGeneration() {
        return Tasks.recurring("progress-cycle-generation", FixedDelay.of(Duration.ofHours(24)))
                .execute((instance, context) -> log.debug("generated {} reporting cycle(s) ahead", cycles.extendAll()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void cleanUpAfterStart() {
        Thread cleanUp = new Thread(() -> {
            try {
                evidences.cleanUp(Evidences.CLEAN_UP_AFTER);
            } catch (RuntimeException e) {
                log.warn("evidence clean-up at start-up failed: {}", e.getMessage());
            }
        }, "evidence-clean-up");
        cleanUp.setDaemon(true);
        cleanUp.start();
    }
}
