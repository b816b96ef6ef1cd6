package org.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** A recurring duty as the review card, the task page and the report form say it. */
class ObligationSentenceTests {

    private static String sentence(Locale locale, int atLeast) {
        // no fall-back to the JVM's locale: zh-CN is the bundle without a suffix
        String pattern = ResourceBundle.getBundle("messages", locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
            .getString("obligation.sentence");
        return new MessageFormat(pattern, locale).format(new Object[] {"per quarter", "开展监督检查", atLeast});
    }

    @Test
    void once_is_said_once_and_more_in_times_in_english() {
        assertThat(sentence(Locale.ENGLISH, 1)).isEqualTo("per quarter: 开展监督检查, at least once");
        assertThat(sentence(Locale.ENGLISH, 4)).isEqualTo("per quarter: 开展监督检查, at least 4 times");
    }

    @Test
    void chinese_counts_in_次() {
        assertThat(sentence(Locale.SIMPLIFIED_CHINESE, 1)).isEqualTo("per quarter开展监督检查不少于1次");
    }
}
