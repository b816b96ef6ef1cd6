package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;

/**
 * What anyone may fetch without signing in: the sign-in and error pages, scripts, styles and icons, and the public
 * pages (closures under notice and their objection form). One list, so the
 * security rules and the filters that let these through (or skip their work for them) cannot drift apart.
 */
final class PublicPaths {

    static final String[] PATTERNS = {"/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**",
            "/favicon.ico", "/favicon.svg", "/public/**"};

    private static final String[] PREFIXES = Arrays.stream(PATTERNS).map(p -> p.replace("**", "")).toArray(String[]::new);

    private PublicPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String path = path(request);
        return Arrays.stream(PREFIXES).anyMatch(path::startsWith);
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
