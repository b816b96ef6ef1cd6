package org.rectify.intake.parser;

import java.time.LocalDate;

/**
 * A time expression found in a task's text, with the stretch of text it governs.
 *
 * @param start      offset of the phrase
 * @param end        offset just past it
 * @param scopeEnd   end of the text it governs: the next time phrase or the end of the clause
 *                   (a start such as 2017年起 governs its whole sentence)
 */
record TimePhrase(Kind kind, LocalDate date, boolean ambiguous, int start, int end, int scopeEnd) {

    enum Kind {
        /** 2017年底前, 到2020年, 2018年 (tied to a deliverable). */
        DEADLINE,
        /** 2017年起: when a duty starts, not when something is due. */
        START
    }

    boolean governs(int offset) {
        return offset >= start && offset < scopeEnd;
    }
}
