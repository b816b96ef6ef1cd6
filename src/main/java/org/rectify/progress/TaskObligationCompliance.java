package org.rectify.progress;

import org.rectify.plans.Obligation;

import java.util.List;

/**
 * One task's obligations (每月…不少于1次) in a year, per lead unit whose reports the caller reads: for each period begun,
 * the records its submitted reports hold against the number required.
 */
public record TaskObligationCompliance(long taskId, int year, List<Row> rows) {

    /** How many of the rows fell short in some period over. */
    public static long rowsBelow(List<Row> rows) {
        return rows.stream().filter(r -> !r.below().isEmpty()).count();
    }

    public record Row(long unitId, String unitName, Obligation obligation, List<PeriodCount> periods) {

        public int required() {
            return periods.stream().mapToInt(PeriodCount::required).sum();
        }

        public int recorded() {
            return periods.stream().mapToInt(PeriodCount::recorded).sum();
        }

        /** Every period begun has its records (the current one included). */
        public boolean met() {
            return periods.stream().allMatch(PeriodCount::met);
        }

        /** The periods over whose records fell short. */
        public List<PeriodCount> below() {
            return periods.stream().filter(PeriodCount::below).toList();
        }
    }

    public record PeriodCount(ObligationPeriods.Period period, int required, int recorded) {

        public boolean met() {
            return recorded >= required;
        }

        /** Short of the requirement once the period is over (the current one may still be made up). */
        public boolean below() {
            return !met() && !period.current();
        }
    }
}
