package org.rectify.progress;

/** How a plan's reporting cycles fall: each calendar month, each quarter, or on dates the office lists. */
public enum CadenceKind {
    MONTHLY, QUARTERLY, CUSTOM
}
