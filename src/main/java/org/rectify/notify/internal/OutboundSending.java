package org.rectify.notify.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Sends the outbox every 20 seconds or so. db-scheduler runs a recurring task on one node at a time; the
 * row leases in {@link Outbound} keep sends exactly-once even when several senders do run together.
 * Each run sends batches until nothing more is due, so a burst does not wait for later runs.
 */
@Configuration(proxyBeanMethods = false)
class OutboundSending {

    static final String TASK_NAME = "send-outbound";

    @Bean
    RecurringTask<Void> sendOutbound(Outbound outbound, Clock clock,
                                     @Value("${rectify.outbound.interval:20s}") Duration interval) {
        return Tasks.recurring(TASK_NAME, Schedules.fixedDelay(interval))
                .execute((instance, context) -> {
                    int rounds = 0;
                    while (outbound.sendDue(clock.instant()) > 0 && ++rounds < 20) {
                        // next batch
                    }
                });
    }
}
