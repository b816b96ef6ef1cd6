package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Spring Security's request cache, asked for a saved request only when the query string can hold its {@code continue}
 * parameter: the cache itself parsed every query string into a map of parameters to look for it (with
 * {@code UriComponentsBuilder}), ~8-10 kB allocated for a ledger's filters at every request with the session cookie
 * (issue 14). A parameter named {@code continue} needs those characters in the raw query string, so the answer is
 * the same.
 */
final class ContinueRequestCache extends HttpSessionRequestCache {

    private static final String PARAMETER = "continue";

    ContinueRequestCache() {
        setMatchingRequestParameterName(PARAMETER);
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        String query = request.getQueryString();
        if (query == null || !query.contains(PARAMETER)) {
            return null;
        }
        return super.getMatchingRequest(request, response);
    }
}
