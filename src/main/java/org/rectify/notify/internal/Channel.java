package org.rectify.notify.internal;

/** The ways out beyond the inbox. */
public enum Channel {
    EMAIL, WEBHOOK
}
