package org.rectify.plans;

import org.rectify.platform.ConflictException;

/** The command cannot be given to a task in its current state, or not by this caller. */
public class TransitionNotAllowed extends ConflictException {

    public TransitionNotAllowed(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
