package org.rectify.intake.parser;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a plan's time phrases are read against: the day the inspection fed back its findings (反馈) and the
 * day the plan was issued (印发). A phrase without a year ({@code 年底前}, {@code 3月底前}, {@code 春节前}) falls in
 * the plan's year; a relative one ({@code 反馈后3个月内}, {@code 方案印发之日起30日内}) counts from these dates.
 *
 * @param feedback the inspection's feedback date, or null when unknown
 * @param issued   the plan's issue date, or null when unknown
 */
public record PlanDates(LocalDate feedback, LocalDate issued) {

    public static final PlanDates NONE = new PlanDates(null, null);

    private static final Pattern DATE = Pattern.compile(
        "(?<![0-9])(\\d{4})(?:年(\\d{1,2})月(\\d{1,2})日|[-./](\\d{1,2})[-./](\\d{1,2}))");

    /** The day phrases without a year are measured from: the issue date, else the feedback date, else null. */
    public LocalDate reference() {
        return issued != null ? issued : feedback;
    }

    /** The year a phrase without one falls in, or null when the plan gives no date. */
    public Integer year() {
        LocalDate r = reference();
        return r == null ? null : r.getYear();
    }

    /** These dates, each filled from {@code other} where unknown here. */
    public PlanDates orElse(PlanDates other) {
        if (other == null) {
            return this;
        }
        return new PlanDates(feedback != null ? feedback : other.feedback(),
            issued != null ? issued : other.issued());
    }

    /**
     * Reads the dates a plan's preamble states: a full date in a sentence that speaks of feedback (反馈) is the
     * feedback date; the first other full date (a dateline such as {@code 时间:2018-02-07}) is the issue date.
     */
    public static PlanDates infer(String foldedPreamble) {
        if (foldedPreamble == null || foldedPreamble.isEmpty()) {
            return NONE;
        }
        LocalDate feedback = null;
        LocalDate issued = null;
        Boundaries sentences = new Boundaries(foldedPreamble, "。;!?\n\r");
        Matcher m = DATE.matcher(foldedPreamble);
        while (m.find() && (feedback == null || issued == null)) {
            LocalDate d = date(m);
            if (d == null) {
                continue;
            }
            int from = sentences.previous(m.start()) + 1;
            int to = sentences.next(m.end());
            boolean aboutFeedback = foldedPreamble.substring(from, to).contains("反馈");
            if (aboutFeedback && feedback == null) {
                feedback = d;
            } else if (!aboutFeedback && issued == null) {
                issued = d;
            }
        }
        return new PlanDates(feedback, issued);
    }

    private static LocalDate date(Matcher m) {
        try {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
            int d = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
            return y < 1949 || y > 2200 ? null : LocalDate.of(y, mo, d);
        } catch (DateTimeException | NumberFormatException e) {
            return null; // 2018.13.40 is no date
        }
    }
}
