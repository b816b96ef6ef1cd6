package org.rectify.intake.internal;

import java.time.LocalDate;

/** Dates as Chinese offices write them. */
final class ChineseDates {

    private ChineseDates() {
    }

    /** 2017年12月31日. */
    static String format(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 2017年12月31日前: a due date the plan parser reads back as that same date. */
    static String due(LocalDate date) {
        return format(date) + "前";
    }
}
