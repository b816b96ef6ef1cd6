package org.rectify.supervision;

import java.time.Instant;

/**
 * A circular was published with its number: it goes out to the units under the publishing office's unit
 * ({@code issuerUnitId}), and the portal may show it.
 */
public record CircularPublished(long circularId, String number, String title, long issuerUnitId, Instant occurredAt) {
}
