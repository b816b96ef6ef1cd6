package org.rectify.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The days a circular covers, both included. Offices circulate monthly, in the first days of the next month: the
 * default is the previous calendar month.
 */
public record CircularPeriod(LocalDate from, LocalDate to) {

    /** The longest period one circular may cover. */
    public static final int MAX_DAYS = 366;

    public static CircularPeriod previousMonth(LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        return new CircularPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public boolean isWholeMonth() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth());
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** As a circular names it: 2018年11月, or 2018年11月1日至12月15日 (the year repeated only when it changes). */
    public String label() {
        if (isWholeMonth()) {
            return from.getYear() + "年" + from.getMonthValue() + "月";
        }
        String end = (to.getYear() == from.getYear() ? "" : to.getYear() + "年") + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
        return chineseDate(from) + "至" + end;
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
