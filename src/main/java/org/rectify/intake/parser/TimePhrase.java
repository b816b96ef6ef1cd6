package org.rectify.intake.parser;

import java.time.LocalDate;

/**
 * A time expression found in a task's text, with the stretch of text it governs.
 *
 * @param date       the day it stands for; null when the plan gives no year to place it in
 * @param ambiguous  true when a reviewer should check the date
 * @param note       why it is flagged or was not dated (for the warning), or null
 * @param from       the start of a range, or null
 * @param recurring  true for a yearly deadline (每年3月底前)
 * @param start      offset of the phrase
 * @param end        offset just past it
 * @param scopeEnd   end of the text it governs: the next time phrase or the end of the clause
 *                   (a start such as 2017年起 governs its whole sentence)
 */
record TimePhrase(Kind kind, LocalDate date, boolean ambiguous, String note, LocalDate from, boolean recurring,
                  int start, int end, int scopeEnd) {

    TimePhrase(Kind kind, LocalDate date, boolean ambiguous, int start, int end, int scopeEnd) {
        this(kind, date, ambiguous, null, null, false, start, end, scopeEnd);
    }

    enum Kind {
        /** 2017年底前, 到2020年, 2018年 (tied to a deliverable). */
        DEADLINE,
        /** 2017年起: when a duty starts, not when something is due. */
        START
    }

    boolean governs(int offset) {
        return offset >= start && offset < scopeEnd;
    }

    /** Index of the last phrase starting at or before {@code offset} (phrases are in text order), or -1. */
    static int lastStartingAtOrBefore(java.util.List<TimePhrase> phrases, int offset) {
        int lo = 0;
        int hi = phrases.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (phrases.get(mid).start() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The end of the last phrase ending at or before {@code offset} and after {@code floor}, else {@code floor}. */
    static int lastEndBetween(java.util.List<TimePhrase> phrases, int floor, int offset) {
        int i = lastStartingAtOrBefore(phrases, offset);
        while (i >= 0 && phrases.get(i).end() > offset) {
            i--; // the phrase containing offset does not count
        }
        return i >= 0 && phrases.get(i).end() > floor ? phrases.get(i).end() : floor;
    }

    /** The deadline governing {@code offset}: only the phrase right before it can, since scopes end at the next. */
    static LocalDate dueAt(java.util.List<TimePhrase> phrases, int offset) {
        int i = lastStartingAtOrBefore(phrases, offset);
        if (i < 0) {
            return null;
        }
        TimePhrase p = phrases.get(i);
        return p.kind() == Kind.DEADLINE && p.governs(offset) ? p.date() : null;
    }
}
