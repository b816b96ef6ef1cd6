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
}
