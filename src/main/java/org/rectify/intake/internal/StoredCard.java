package org.rectify.intake.internal;

import java.time.OffsetDateTime;

/** One task of a stored draft, with the version a save must name. */
public record StoredCard(long id, int version, int position, DraftCard card, String updatedBy, OffsetDateTime updatedAt) {
}
