package org.rectify.access.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request cache that looks at the query string first answers as Spring Security's own, for any query string. */
class ContinueRequestCacheTests {

    private static final List<String> QUERIES = List.of("", "continue", "continue=", "a=1&continue", "a=1&continue&b=2",
            "continued=1", "discontinue=1", "x=continue", "%63ontinue", "continue%3D", "status=ASSIGNED&status=IN_PROGRESS"
            + "&deadlineTo=2026-12-04&sort=DEADLINE&size=50", "size=2&continue=yes", "CONTINUE", "q=%E6%95%B4%E6%94%B9");

    @Test
    void every_query_string_finds_the_saved_request_exactly_when_spring_securitys_cache_does() {
        for (boolean saved : new boolean[]{false, true}) {
            for (String query : QUERIES) {
                for (String path : List.of("/tasks", "/api/tasks")) {
                    MockHttpSession session = new MockHttpSession();
                    if (saved) { // a page asked before signing in, with the query string now asked
                        MockHttpServletRequest first = request(session, path, query);
                        new HttpSessionRequestCache().saveRequest(first, new MockHttpServletResponse());
                    }
                    MockHttpSession again = copy(session); // a match takes the saved request out of the session
                    var ours = new ContinueRequestCache().getMatchingRequest(request(session, path, query),
                            new MockHttpServletResponse());
                    var theirs = new HttpSessionRequestCache().getMatchingRequest(request(again, path, query),
                            new MockHttpServletResponse());
                    assertThat(ours == null).as("saved %s, %s?%s", saved, path, query).isEqualTo(theirs == null);
                }
            }
        }
    }

    @Test
    void a_page_asked_before_signing_in_is_found_again_after_it() {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest first = request(session, "/tasks", "status=ASSIGNED&size=2");
        ContinueRequestCache cache = new ContinueRequestCache();
        cache.saveRequest(first, new MockHttpServletResponse());
        String redirect = cache.getRequest(first, new MockHttpServletResponse()).getRedirectUrl();
        String query = URI.create(redirect).getRawQuery();
        assertThat(query).contains("continue");

        assertThat(cache.getMatchingRequest(request(session, "/tasks", query), new MockHttpServletResponse()))
                .isNotNull();
    }

    private static MockHttpServletRequest request(MockHttpSession session, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setSession(session);
        request.setQueryString(query.isEmpty() ? null : query);
        return request;
    }

    private static MockHttpSession copy(MockHttpSession session) {
        MockHttpSession copy = new MockHttpSession();
        for (var names = session.getAttributeNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            copy.setAttribute(name, session.getAttribute(name));
        }
        return copy;
    }
}
