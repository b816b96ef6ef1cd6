package org.rectify.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * All time goes through this clock, so tests can move it and the demo can replay its past ({@link ReplayClock}). Its
 * zone is the offices' time zone ({@code rectify.time-zone}, China Standard Time unless set): the day a deadline
 * falls on, the hour a job runs, the time a page shows. Code reads it from the clock ({@code clock.getZone()}),
 * templates through {@link Times}; nothing else names a zone.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** The one place the default zone is written. */
    static final String DEFAULT_ZONE = "Asia/Shanghai";

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${rectify.time-zone:" + DEFAULT_ZONE + "}") String zone) {
        return new ReplayClock(Clock.system(zoneOf(zone)));
    }

    static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("rectify.time-zone=" + zone + " is not a time zone id (such as Europe/Berlin or UTC+08:00)", e);
        }
    }
}
