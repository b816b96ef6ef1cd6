package org.rectify.intake.internal;

import org.rectify.platform.ConflictException;

/** Someone else saved the draft (or one of its tasks) since the caller loaded it, or published it meanwhile. */
class DraftConflict extends ConflictException {

    DraftConflict(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
