package org.rectify.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** All time goes through this clock, so tests can move it and the demo can replay its past ({@link ReplayClock}). Deadlines are dates in China Standard Time. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** The time zone of the offices: days, deadlines and schedules are China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return new ReplayClock(Clock.system(ZONE));
    }
}
