package org.rectify.access.internal;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's checks without regular expressions accept exactly what Spring Security's own expressions accept, for
 * every Unicode code point (and unpaired surrogates) alone and inside a name.
 */
class AssignedTextTests {

    /** Spring Security's StrictHttpFirewall expressions (names; header values, which may hold tabs). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void every_code_point_is_judged_as_spring_securitys_expressions_judge_it() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String alone = new String(Character.toChars(c));
            String inside = "Bearer x" + alone + "台账";
            assertThat(AssignedText.NAME.test(alone)).as("U+%04X", c).isEqualTo(NAME.matcher(alone).matches());
            assertThat(AssignedText.HEADER_VALUE.test(inside)).as("U+%04X", c)
                    .isEqualTo(HEADER_VALUE.matcher(inside).matches());
        }
        for (String s : new String[]{"", "status", "状态", "a\tb", "a\u0000b", "\uD800", "x\uDC00y", "\u007F", "a|b"}) {
            assertThat(AssignedText.NAME.test(s)).as(s).isEqualTo(NAME.matcher(s).matches());
            assertThat(AssignedText.HEADER_VALUE.test(s)).as(s).isEqualTo(HEADER_VALUE.matcher(s).matches());
        }
    }
}
