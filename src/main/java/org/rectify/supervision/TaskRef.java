package org.rectify.supervision;

/** A task as a record names it. */
public record TaskRef(long taskId, String ref, String title) {
}
