package org.rectify.plans;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A measurable target: 绿地率 ≥ 36 % by 2020-12-31. */
public record Indicator(String name, Comparator comparator, BigDecimal targetValue, String unitOfMeasure,
                        LocalDate dueOn, BigDecimal baseline, String phrase) {

    public enum Comparator {
        AT_LEAST(">="), AT_MOST("<="), EQUAL("=");

        public final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public static Comparator ofSymbol(String symbol) {
            for (Comparator c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }
}
