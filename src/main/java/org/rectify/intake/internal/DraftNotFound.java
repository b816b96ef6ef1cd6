package org.rectify.intake.internal;

import org.rectify.platform.NotFoundException;

/** No such draft, or not one the caller's office may see (which must look the same). */
class DraftNotFound extends NotFoundException {

    DraftNotFound(long id) {
        super("intake.draftNotFound", id);
    }
}
