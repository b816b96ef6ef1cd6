package org.rectify.platform;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy alone: what a field's text may hold. */
class InputLimitsTests {

    @Test
    void tab_and_line_breaks_are_text_but_nul_and_other_control_characters_are_not() {
        assertThat(InputLimits.hasControlCharacter("第一行\n第二行\r\n\t缩进")).isFalse();
        assertThat(InputLimits.hasControlCharacter("a\u0000b")).isTrue();
        assertThat(InputLimits.hasControlCharacter("bell\u0007")).isTrue();
        assertThat(InputLimits.hasControlCharacter("esc\u001b[0m")).isTrue();
        assertThat(InputLimits.check("q", "a\u0000").orElseThrow().messageKey()).isEqualTo("input.controlCharacter");
    }

    @Test
    void titles_are_short_free_text_longer_and_a_pasted_plan_long() {
        assertThat(InputLimits.maxLength("title")).isEqualTo(1_000);
        assertThat(InputLimits.maxLength("tasks[3].title")).isEqualTo(1_000);
        assertThat(InputLimits.maxLength("measures")).isEqualTo(InputLimits.DEFAULT_LENGTH);
        assertThat(InputLimits.maxLength("text")).isEqualTo(InputLimits.PLAN_TEXT_LENGTH);
        assertThat(InputLimits.check("title", "题".repeat(1_000))).isEmpty();
        assertThat(InputLimits.check("title", "题".repeat(1_001)).orElseThrow().fieldErrors())
                .containsEntry("title", "input.tooLong");
    }

    @Test
    void dates_are_between_1949_and_2200() {
        assertThat(InputLimits.isAbsurdDate("+99999-01-01")).isTrue();
        assertThat(InputLimits.isAbsurdDate("1900-01-01")).isTrue();
        assertThat(InputLimits.isAbsurdDate("2201-01-01")).isTrue();
        assertThat(InputLimits.isAbsurdDate("99999999999999999999-01-01")).isTrue();
        assertThat(InputLimits.isAbsurdDate("2019-03-01")).isFalse();
        assertThat(InputLimits.isAbsurdDate("2019-03-01T08:00:00+08:00")).isFalse();
        assertThat(InputLimits.isAbsurdDate("整改 2300 年")).isFalse(); // only a value that is a date
        assertThat(InputLimits.saneDate(LocalDate.of(1949, 10, 1))).isTrue();
        assertThat(InputLimits.saneDate(LocalDate.of(2200, 12, 31))).isTrue();
        assertThat(InputLimits.saneDate(LocalDate.of(99999, 1, 1))).isFalse();
    }
}
