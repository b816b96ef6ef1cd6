package org.rectify.plans;

import java.time.LocalDate;

/** A recurring duty: at least {@code atLeast} times per {@code per}, from {@code startsOn}. */
public record Obligation(String subject, int atLeast, Period per, LocalDate startsOn, String phrase) {

    public enum Period {
        WEEK, MONTH, QUARTER, YEAR
    }
}
