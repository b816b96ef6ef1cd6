package org.rectify.platform;

/** A command that the current state does not allow: an illegal transition, a stale version. */
public class ConflictException extends RectifyException {

    public ConflictException(String messageKey, Object... args) {
        super(Kind.CONFLICT, messageKey, args);
    }
}
