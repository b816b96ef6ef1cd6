package org.rectify.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jooq.DSLContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

import static org.rectify.access.internal.db.Tables.ACCOUNT;

/**
 * Ends a session whose account was disabled, given another role or unit, or had its password reset since it signed
 * in: those raise the account's session version in the database, so this holds on every node (one indexed read per
 * request that comes with a session; HTTP Basic requests load the account afresh anyway). The request then goes on
 * unauthenticated: a page redirects to the sign-in form, the API answers 401.
 */
class StaleSessions extends OncePerRequestFilter {

    private final DSLContext db;

    StaleSessions(DSLContext db) {
        this.db = db;
    }

    /** Scripts, styles and icons carry the session too; they need no account read. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return PublicPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof AccountDetails account && isStale(account)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean isStale(AccountDetails account) {
        // disabling raises the session version too, so the version alone tells
        Integer version = db.select(ACCOUNT.SESSION_VERSION).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(account.caller().accountId())).fetchOne(ACCOUNT.SESSION_VERSION);
        return version == null || version != account.sessionVersion();
    }
}
