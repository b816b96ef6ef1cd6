package org.rectify.platform;

/** What is missing, or outside the caller's data scope (which must look the same: 404, never 403). */
public class NotFoundException extends RectifyException {

    public NotFoundException(String messageKey, Object... args) {
        super(Kind.NOT_FOUND, messageKey, args);
    }
}
