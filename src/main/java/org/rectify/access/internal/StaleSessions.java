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
 * in: those raise the account's session version in the database, so this holds on every node (one indexed read,
 * kept a few seconds by {@link KeptSignIns} and dropped when an account changes on this node; HTTP Basic requests load
 * the account afresh anyway). The request then goes on
 * unauthenticated: a page redirects to the sign-in form, the API answers 401.
 */
class StaleSessions extends OncePerRequestFilter {

    private final DSLContext db;
    private final KeptSignIns kept;

    StaleSessions(DSLContext db, KeptSignIns kept) {
        this.db = db;
        this.kept = kept;
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
        long id = account.caller().accountId();
        Integer version = kept.sessionVersion(id, () -> db.select(ACCOUNT.SESSION_VERSION).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(id)).fetchOne(ACCOUNT.SESSION_VERSION));
        return version == null || version != account.sessionVersion();
    }
}
