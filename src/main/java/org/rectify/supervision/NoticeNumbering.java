package org.rectify.supervision;

import java.text.MessageFormat;

/**
 * How notices are numbered: a pattern with the year and the number within the year, e.g.
 * {@code 临督〔{0}〕{1}号} → 临督〔2018〕12号. Configured by {@code rectify.supervision.notice-number}.
 */
public record NoticeNumbering(String pattern) {

    public String format(int year, int seq) {
        return new MessageFormat(pattern).format(new Object[]{String.valueOf(year), String.valueOf(seq)});
    }
}
