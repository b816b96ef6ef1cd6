package org.rectify.supervision.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.rectify.supervision.Reminders;
import org.rectify.supervision.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalTime;

/**
 * Reminders go out once a day in the morning (08:30 China Standard Time by default), when people read them.
 * db-scheduler runs the sweep on one node, and after a morning the application was down it runs on start;
 * the reminder table's unique stages make a second run on the same day send nothing new.
 */
@Configuration(proxyBeanMethods = false)
class DailyReminders {

    static final String TASK_NAME = "send-reminders";
    private static final Logger log = LoggerFactory.getLogger(DailyReminders.class);

    @Bean
    RecurringTask<Void> sendReminders(Reminders reminders, Warnings warnings,
                                      @Value("${rectify.reminders.at:08:30}") LocalTime at,
                                      Clock clock) {
        return Tasks.recurring(TASK_NAME, Schedules.daily(clock.getZone(), at))
                .execute((instance, context) -> {
                    int sent = reminders.sweep(warnings.today());
                    log.info("Daily reminders: {} sent", sent);
                });
    }
}
