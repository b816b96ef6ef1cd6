package org.rectify.progress;

/** The state of one version of a report. A SUBMITTED version never changes again. */
public enum VersionStatus {
    DRAFT, AWAITING_APPROVAL, SUBMITTED
}
