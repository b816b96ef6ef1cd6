package org.rectify.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.rectify.audit.AuditAnchor;
import org.rectify.audit.AuditAnchors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalTime;

/**
 * Just after midnight (the offices' time zone) the head of the chain at the end of the day before is anchored.
 * db-scheduler runs it on one node, and on start after a night the application was down.
 */
@Configuration(proxyBeanMethods = false)
class DailyAnchor {

    static final String TASK_NAME = "anchor-audit-chain";
    private static final Logger log = LoggerFactory.getLogger(DailyAnchor.class);

    @Bean
    RecurringTask<Void> anchorAuditChain(AuditAnchors anchors, Clock clock) {
        return Tasks.recurring(TASK_NAME, Schedules.daily(clock.getZone(), LocalTime.of(0, 5)))
                .execute((instance, context) -> {
                    AuditAnchor a = anchors.anchor(anchors.yesterday());
                    log.info("Audit anchor of {}: entry {} {}", a.day(), a.seq(), a.hash());
                });
    }
}
