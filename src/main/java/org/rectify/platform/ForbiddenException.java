package org.rectify.platform;

/** The caller sees the thing but their role may not do this to it. */
public class ForbiddenException extends RectifyException {

    public ForbiddenException(String messageKey, Object... args) {
        super(Kind.FORBIDDEN, messageKey, args);
    }
}
