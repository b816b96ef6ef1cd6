package org.rectify.closure;

import org.rectify.platform.NotFoundException;

/** No such closure attempt, or not one the caller may see. */
public class ClosureNotFound extends NotFoundException {

    public ClosureNotFound(long id) {
        super("closure.notFound", id);
    }

    private ClosureNotFound(String messageKey, long id) {
        super(messageKey, id);
    }

    /** No closure under public notice by that number: ended, not yet approved, or a mistyped link (a visitor's words). */
    public static ClosureNotFound notice(long id) {
        return new ClosureNotFound("closure.public.notFound", id);
    }

    /** No such objection on the attempt (one answered from a stale page of another attempt, a mistyped link). */
    public static ClosureNotFound objection(long objectionId) {
        return new ClosureNotFound("closure.objection.notFound", objectionId);
    }
}
