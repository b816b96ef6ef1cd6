package org.rectify.plans;

import java.time.LocalDate;
import java.util.List;

/** One row of the ledger; {@code ongoing}: the task is 长期坚持 (the plan or the office says so). */
public record TaskSummary(long id, long planId, String ref, String title, String text, TaskStatus status,
                          LocalDate deadline, List<String> leadUnits, String responsibleName, boolean ongoing) {

    /** Without a date, it reads 长期坚持 rather than 未定: marked so, or moved to ONGOING. */
    public boolean readsOngoing() {
        return readsOngoing(ongoing, status);
    }

    public static boolean readsOngoing(boolean ongoing, TaskStatus status) {
        return ongoing || status == TaskStatus.ONGOING;
    }

    static final int EXCERPT = 40;

    public String displayTitle() {
        return titleOrExcerpt(title, text);
    }

    public static String titleOrExcerpt(String title, String text) {
        if (title != null && !title.isBlank()) {
            return title;
        }
        String t = text == null ? "" : text.strip();
        return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "…";
    }
}
