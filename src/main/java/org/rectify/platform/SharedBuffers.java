package org.rectify.platform;

import java.lang.management.ManagementFactory;

/**
 * The embedded server's {@code shared_buffers}: a quarter of the machine's memory, as PostgreSQL's documentation
 * advises, between its default of 128 MB and 2 GB. With the default, a province's task table (1.3 GB at a million
 * tasks) did not stay cached and a ledger page read its rows from the OS (issue 14); above 2 GB the OS's own cache,
 * which PostgreSQL reads through as well, serves better than more buffers.
 */
final class SharedBuffers {

    private static final long MB = 1024L * 1024;
    static final long LEAST_MB = 128;
    static final long MOST_MB = 2048;

    private SharedBuffers() {
    }

    static String forMemory(long physicalBytes) {
        return Math.max(LEAST_MB, Math.min(MOST_MB, physicalBytes / 4 / MB)) + "MB";
    }

    /** The memory this process may use: the container's limit inside one, else the machine's. */
    static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}
