package org.rectify.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * An account signed in with the one-time password an administrator set may do one thing: choose its own password.
 * Pages redirect to the form; the API refuses with 403 and says why.
 */
class PasswordChangeRequired extends OncePerRequestFilter {

    static final String FORM = "/account/password";

    private final ApiRefusals refusals;

    PasswordChangeRequired(ApiRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = PublicPaths.path(request);
        if (auth != null && auth.getPrincipal() instanceof AccountDetails account && account.mustChangePassword()
                && !path.startsWith(FORM) && !path.startsWith("/logout") && !PublicPaths.matches(request)) {
            if (path.startsWith("/api/")) {
                refusals.write(request, response, 403, "account.password.mustChange");
            } else {
                response.sendRedirect(request.getContextPath() + FORM);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
