package org.rectify.supervision;

/** The editable text of a circular, and the version the editor started from (a stale edit is refused). */
public record CircularText(String title, String addressees, String body, String issuerUnit, Integer version) {
}
