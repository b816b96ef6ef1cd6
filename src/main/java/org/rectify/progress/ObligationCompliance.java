package org.rectify.progress;

import org.rectify.plans.Obligation;

import java.util.List;

/**
 * Obligations fulfilled per lead unit in a year: for each unit and obligation (每年…不少于4次), how many records its
 * submitted reports hold, against how many the periods begun so far require ("4 of 4 meetings this year").
 */
public record ObligationCompliance(long planId, String planTitle, int year, List<Row> rows) {

    public record Row(long unitId, String unitName, long taskId, String taskRef, Obligation obligation, int required,
                      int recorded) {

        public boolean met() {
            return recorded >= required;
        }
    }
}
