package org.rectify.supervision;

import org.rectify.platform.NotFoundException;

/** A circular that does not exist, or a draft the caller may not read (which must look the same). */
public class CircularNotFound extends NotFoundException {

    public CircularNotFound(Object id) {
        super("supervision.circular.notFound");
    }
}
