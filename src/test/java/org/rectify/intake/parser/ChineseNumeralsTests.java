package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseNumeralsTests {

    @Test
    void reads_the_numbers_plans_use() {
        assertThat(ChineseNumerals.parse("一")).isEqualTo(1);
        assertThat(ChineseNumerals.parse("两")).isEqualTo(2);
        assertThat(ChineseNumerals.parse("十")).isEqualTo(10);
        assertThat(ChineseNumerals.parse("十二")).isEqualTo(12);
        assertThat(ChineseNumerals.parse("二十")).isEqualTo(20);
        assertThat(ChineseNumerals.parse("二十三")).isEqualTo(23);
        assertThat(ChineseNumerals.parse("一百零五")).isEqualTo(105);
        assertThat(ChineseNumerals.parse("12")).isEqualTo(12);
    }

    @Test
    void anything_else_is_not_a_number() {
        assertThat(ChineseNumerals.parse("")).isEqualTo(-1);
        assertThat(ChineseNumerals.parse(null)).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("一是")).isEqualTo(-1);
        assertThat(ChineseNumerals.parse("1234567890")).isEqualTo(-1);
    }

    @Test
    void formats_the_numerals_sections_are_numbered_with() {
        org.assertj.core.api.Assertions.assertThat(java.util.stream.IntStream.of(1, 10, 12, 21, 99, 100, 101, 110, 123, 999)
            .mapToObj(ChineseNumerals::format)).containsExactly(
            "一", "十", "十二", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百二十三", "九百九十九");
        for (int n = 1; n <= 999; n++) {
            org.assertj.core.api.Assertions.assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).isEqualTo(n);
        }
    }
}
