package org.rectify;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The benchmarks' heap figures: the heap pools' use now, and the sum of their peaks since the last reset. */
public final class HeapPools {

    private HeapPools() {
    }

    public static void resetPeaks() {
        pools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap's peak (the pools peak at different moments). */
    public static long peak() {
        return pools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    public static long used() {
        return pools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> pools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
