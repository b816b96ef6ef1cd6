package org.rectify.supervision;

/** A circular is drafted and edited, then published once; a published circular is never changed. */
public enum CircularStatus {
    DRAFT,
    PUBLISHED
}
