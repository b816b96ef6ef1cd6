package org.rectify.closure;

import org.rectify.platform.NotFoundException;

/** No such closure attempt, or not one the caller may see. */
public class ClosureNotFound extends NotFoundException {

    public ClosureNotFound(long id) {
        super("closure.notFound", id);
    }
}
