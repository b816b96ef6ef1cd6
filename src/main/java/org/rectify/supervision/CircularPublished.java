package org.rectify.supervision;

import java.time.Instant;

/** A circular was published with its number; those it names may be told, the portal may show it. */
public record CircularPublished(long circularId, String number, String title, Instant occurredAt) {
}
