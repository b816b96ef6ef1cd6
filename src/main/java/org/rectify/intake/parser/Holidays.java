package org.rectify.intake.parser;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The dated holidays plans set deadlines by ({@code 春节前}, {@code 国庆前}). The Spring Festival moves with the
 * lunar calendar, so its days are a table; outside the table a 春节 is not read (rather than guessed).
 */
final class Holidays {

    /** 春节 (正月初一), 2010 to 2040. */
    private static final String[] SPRING_FESTIVAL = {
        "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31", "2015-02-19", "2016-02-08",
        "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
        "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03",
        "2031-01-23", "2032-02-11", "2033-01-31", "2034-02-19", "2035-02-08", "2036-01-28", "2037-02-15",
        "2038-02-04", "2039-01-24", "2040-02-12"};

    private Holidays() {
    }

    /** The first day of the holiday in {@code year}, or null when not known. */
    static LocalDate day(String name, int year) {
        return switch (name) {
            case "春节" -> year >= 2010 && year <= 2040 ? LocalDate.parse(SPRING_FESTIVAL[year - 2010]) : null;
            case "元旦" -> LocalDate.of(year, 1, 1);
            case "五一", "劳动节" -> MonthDay.of(5, 1).atYear(year);
            case "国庆", "国庆节" -> MonthDay.of(10, 1).atYear(year);
            default -> null;
        };
    }
}
