package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The API's OpenAPI description ({@code /v3/api-docs}, also as {@code .yaml}) and its browser ({@code /swagger-ui.html}):
 * served to any signed-in caller, a program with its API token included, and to anonymous callers only when
 * {@code rectify.api-docs.public=true}; {@code rectify.api-docs.enabled=false} turns both off (application.properties).
 * One list, so the security rules and the token filter cannot drift apart.
 */
final class ApiDescription {

    static final String[] PATTERNS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
            "/swagger-ui.html"};

    private static final String DOCUMENT = "/v3/api-docs";

    private ApiDescription() {
    }

    /** The description itself (JSON or YAML), which programs read: refused with a 401 problem, never a sign-in page. */
    static boolean isDocument(HttpServletRequest request) {
        return PublicPaths.path(request).startsWith(DOCUMENT);
    }
}
