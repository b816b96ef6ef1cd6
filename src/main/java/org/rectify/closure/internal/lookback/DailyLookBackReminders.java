package org.rectify.closure.internal.lookback;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.rectify.closure.LookBackReminders;
import org.rectify.closure.LookBacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalTime;

/** Look-back reminders go out with the other reminders, in the morning, once across nodes (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class DailyLookBackReminders {

    private static final Logger log = LoggerFactory.getLogger(DailyLookBackReminders.class);

    @Bean
    RecurringTask<Void> sendLookBackReminders(LookBackReminders reminders, LookBacks lookBacks,
                                              @Value("${rectify.reminders.at:08:30}") LocalTime at,
                                              Clock clock) {
        return Tasks.recurring("send-look-back-reminders", Schedules.daily(clock.getZone(), at))
                .execute((instance, context) -> log.info("Look-back reminders: {} sent", reminders.sweep(lookBacks.today())));
    }
}
