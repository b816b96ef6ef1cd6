package org.rectify.plans;

import java.nio.charset.StandardCharsets;

/**
 * A duty of a page of {@link OpenDuties#page} as read: the task's ref and shown title ({@link UnitDuty#displayTitle})
 * as the UTF-8 bytes the database sent (null for none), its unit's and group's names as the node keeps them. A county
 * office's page of 200 duties decoded each ref and title into a string and its answer encoded them back into UTF-8
 * (issue 14): a due list writes these bytes as they are and makes a {@link UnitDuty} only when one is asked for.
 */
public record PagedDuty(long taskId, long planId, byte[] refUtf8, byte[] titleUtf8, TaskStatus status, long unitId,
                        String unitName, Long groupId, String groupName, boolean lead) {

    /** The same duty, its ref and title decoded. */
    public UnitDuty duty() {
        return new UnitDuty(taskId, planId, decoded(refUtf8), decoded(titleUtf8), status, unitId, unitName, groupId,
                groupName, lead);
    }

    /** A duty as a page's row (its ref and title encoded): a page made of duties rather than read. */
    public static PagedDuty of(UnitDuty d) {
        return new PagedDuty(d.taskId(), d.planId(), encoded(d.ref()), encoded(d.displayTitle()), d.status(), d.unitId(),
                d.unitName(), d.groupId(), d.groupName(), d.lead());
    }

    private static String decoded(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] encoded(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
