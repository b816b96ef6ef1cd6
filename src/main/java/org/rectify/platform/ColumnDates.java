package org.rectify.platform;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A {@code date} column read as its text ({@code yyyy-MM-dd}: the driver sets {@code DateStyle} ISO), or a query's ISO
 * date ({@link PlainQueryValues}), made a date without a formatter: {@code LocalDate.parse} built a parse context and a
 * map of fields for each value, 11 % of the bytes a ledger page's request allocated (a flight recording, issue 14), and
 * young collections come as often as that.
 */
public final class ColumnDates {

    private ColumnDates() {
    }

    /** The date the text names; anything but a plain four-digit-year date goes through {@code LocalDate.parse} as before. */
    public static LocalDate parse(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // not a date (2027-02-30): LocalDate.parse refuses it with its own exception, as it always did
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** The number the digits from..to write; -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
