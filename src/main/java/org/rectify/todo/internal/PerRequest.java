package org.rectify.todo.internal;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.function.Supplier;

/**
 * A value read once per web request (the header's count and the to-do page share one read of every source); outside
 * a request it is read each time.
 */
final class PerRequest {

    private PerRequest() {
    }

    @SuppressWarnings("unchecked")
    static <T> T get(String key, Supplier<T> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        Object kept = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = read.get();
            request.setAttribute(key, kept, RequestAttributes.SCOPE_REQUEST);
        }
        return (T) kept;
    }

    /** Forgets what was read in this request (what it depends on changed): the next {@link #get} reads again. */
    static void forget(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(key, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
