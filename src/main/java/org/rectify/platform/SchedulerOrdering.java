package org.rectify.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * db-scheduler 16 orders itself after Boot 3's DataSourceAutoConfiguration, which Boot 4 moved: with a
 * configured spring.datasource.url it would look for the DataSource before Boot made it, and silently
 * create no scheduler. Standing between the two restores the order.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
public class SchedulerOrdering {
}
