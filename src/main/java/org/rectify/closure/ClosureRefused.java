package org.rectify.closure;

import org.rectify.platform.ConflictException;

/** A step the attempt's stage does not allow, or that someone else took first. */
public class ClosureRefused extends ConflictException {

    public ClosureRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
