package org.rectify.supervision;

import java.time.OffsetDateTime;

/**
 * 通报: a circular on a period, drafted from its facts, edited by the office and published with a number. The text
 * (title, addressees, body, issuer) is what the office made of the facts; the facts are kept as they were found.
 */
public record Circular(long id, Long planId, CircularPeriod period, CircularStatus status, String number, String title,
                       String addressees, String body, String issuerUnit, CircularFacts facts, int version,
                       String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt,
                       String publishedBy, OffsetDateTime publishedAt) {

    public boolean isPublished() {
        return status == CircularStatus.PUBLISHED;
    }
}
