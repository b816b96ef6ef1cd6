package org.rectify.plans;

import java.time.LocalDate;
import java.util.List;

/** One row of the ledger. */
public record TaskSummary(long id, long planId, String ref, String title, String text, TaskStatus status,
                          LocalDate deadline, List<String> leadUnits, String responsibleName) {

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
