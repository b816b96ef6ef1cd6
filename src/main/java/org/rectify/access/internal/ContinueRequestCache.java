package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Spring Security's request cache, asked for a saved request only when the query string can hold its {@code continue}
 * parameter: the cache itself parsed every query string into a map of parameters to look for it (with
 * {@code UriComponentsBuilder}) at every request on the pages' chain (issue 14: token calls off this chain allocated
 * 8-10 kB less per Q2, whose query string is long, and ~1.2 kB less per Q3, which has none). A parameter named
 * {@code continue} needs those characters in the raw query string, so the answer is the same.
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
