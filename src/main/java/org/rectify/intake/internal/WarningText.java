package org.rectify.intake.internal;

import org.rectify.platform.Messages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser's warnings in the reader's language. The parser words them in English (it is plain Java, shared
 * with the command line); the review screen shows them through the bundles. Warnings this module adds are
 * bundle keys already.
 */
final class WarningText {

    private static final Pattern AMBIGUOUS = Pattern.compile("^“(.+)” may mean before or by that time; took the earlier date (\\S+)$");
    private static final Pattern REPEATED_REF = Pattern.compile("^reference (.+) occurs more than once$");
    private static final Pattern OUTSIDE = Pattern.compile("^responsibility annotation outside the numbered outline, at offset (\\d+)$");
    private static final Pattern NOT_CLOSED = Pattern.compile("^responsibility annotation is not closed: (.*)$");
    // the time phrases' notes: "“phrase” note"
    private static final Pattern ANCHOR_UNKNOWN = Pattern.compile("^“(.+)” counts from the plan's (feedback|issue) date, which is not known$");
    private static final Pattern COUNTED = Pattern.compile("^“(.+)” counted from the (feedback|issue) date (\\S+): due (\\S+); please check$");
    private static final Pattern NO_START = Pattern.compile("^“(.+)” recurs every year, but the plan gives no date to start from$");
    private static final Pattern NO_YEAR = Pattern.compile("^“(.+)” has no year, and the plan gives no date$");
    private static final Pattern HOLIDAY = Pattern.compile("^“(.+)” names a holiday whose date is not known$");
    private static final Pattern NEXT_YEAR = Pattern.compile("^“(.+)” has no year and falls before the plan's date (\\S+); took the next year: (\\S+)$");
    private static final Pattern NO_DATE = Pattern.compile("^“(.+)” has no date$");
    private static final Pattern HALF_YEARLY = Pattern.compile("^half-yearly duty not recorded as an obligation: (.*)$");

    private WarningText() {
    }

    static String of(String raw, Messages messages) {
        if (raw == null) {
            return "";
        }
        if (raw.startsWith("intake.warning.")) {
            return messages.text(raw);
        }
        Matcher m;
        if ((m = AMBIGUOUS.matcher(raw)).matches()) {
            return messages.text("intake.warning.ambiguous", m.group(1), m.group(2));
        }
        if ((m = REPEATED_REF.matcher(raw)).matches()) {
            return messages.text("intake.warning.repeatedRef", m.group(1));
        }
        if ((m = OUTSIDE.matcher(raw)).matches()) {
            return messages.text("intake.warning.outsideOutline");
        }
        if ((m = NOT_CLOSED.matcher(raw)).matches()) {
            return messages.text("intake.warning.notClosed", m.group(1).replaceAll("^\\[|\\]$", ""));
        }
        if ((m = HALF_YEARLY.matcher(raw)).matches()) {
            return messages.text("intake.warning.halfYearly", m.group(1));
        }
        if ((m = ANCHOR_UNKNOWN.matcher(raw)).matches()) {
            return messages.text("intake.warning.anchorUnknown." + m.group(2), m.group(1));
        }
        if ((m = COUNTED.matcher(raw)).matches()) {
            return messages.text("intake.warning.counted." + m.group(2), m.group(1), m.group(3), m.group(4));
        }
        if ((m = NO_START.matcher(raw)).matches()) {
            return messages.text("intake.warning.noStart", m.group(1));
        }
        if ((m = NO_YEAR.matcher(raw)).matches()) {
            return messages.text("intake.warning.noYear", m.group(1));
        }
        if ((m = HOLIDAY.matcher(raw)).matches()) {
            return messages.text("intake.warning.holidayUnknown", m.group(1));
        }
        if ((m = NEXT_YEAR.matcher(raw)).matches()) {
            return messages.text("intake.warning.nextYear", m.group(1), m.group(2), m.group(3));
        }
        if ((m = NO_DATE.matcher(raw)).matches()) {
            return messages.text("intake.warning.noDate", m.group(1));
        }
        if (raw.equals("no responsibility annotation found, so no tasks")) {
            return messages.text("intake.warning.noTasks");
        }
        if (raw.equals("no lead unit named in the responsibility annotation") || raw.equals(BreakdownImport.NO_LEAD_UNIT)) {
            return messages.text("intake.warning.noLeadUnit");
        }
        return raw;
    }
}
