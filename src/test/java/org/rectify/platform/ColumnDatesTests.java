package org.rectify.platform;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A date column's text read without a formatter gives what {@code LocalDate.parse} gave, refusals included. */
class ColumnDatesTests {

    @Test
    void every_day_of_four_centuries_reads_as_local_date_parse_reads_it() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.isBefore(LocalDate.of(2300, 1, 1)); d = d.plusDays(1)) {
            String text = d.toString();
            assertThat(ColumnDates.parse(text)).as(text).isEqualTo(LocalDate.parse(text));
        }
        assertThat(ColumnDates.parse("0001-01-01")).isEqualTo(LocalDate.parse("0001-01-01"));
        assertThat(ColumnDates.parse("9999-12-31")).isEqualTo(LocalDate.parse("9999-12-31"));
        // PostgreSQL writes years past 9999 with more digits: the formatter reads them as before
        assertThat(ColumnDates.parse("+10000-01-01")).isEqualTo(LocalDate.of(10_000, 1, 1));
    }

    @Test
    void what_is_not_a_date_is_refused_as_local_date_parse_refuses_it() {
        for (String text : new String[]{"2027-02-30", "2026-13-01", "2026-00-10", "2026-1-010", "20x6-01-01", "2026/01/01",
                "2026-01-0 ", "10000-01-01", ""}) {
            assertThatThrownBy(() -> ColumnDates.parse(text)).as(text).isInstanceOf(DateTimeParseException.class)
                    .isInstanceOf(DateTimeException.class);
        }
    }
}
