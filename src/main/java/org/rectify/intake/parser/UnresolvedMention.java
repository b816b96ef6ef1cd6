package org.rectify.intake.parser;

/** A unit mention the unit tree does not know; listed for review, never dropped. */
public record UnresolvedMention(String ref, String mention) {
}
