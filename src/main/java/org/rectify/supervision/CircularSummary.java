package org.rectify.supervision;

import java.time.OffsetDateTime;

/** A line of the list of circulars. */
public record CircularSummary(long id, String number, String title, CircularPeriod period, CircularStatus status,
                              OffsetDateTime publishedAt, OffsetDateTime updatedAt) {
}
