package org.rectify.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code Authorization: Bearer <token>} on the API and its description ({@link ApiDescription}): one read of the token
 * by its SHA-256 joined to its account, kept a few seconds ({@link KeptSignIns}), no password hash and no write. The
 * request keeps no session. A token that is unknown, revoked or expired, or whose
 * account is disabled, is answered 401 at once.
 */
class BearerTokens extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountDetailsService accounts;
    private final KeptSignIns kept;
    private final ApiRefusals refusals;

    BearerTokens(ApiTokens tokens, AccountDetailsService accounts, KeptSignIns kept, ApiRefusals refusals) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.kept = kept;
        this.refusals = refusals;
    }

    static boolean presents(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** A token on the API or its description: the calls this filter signs (and the token chain takes). */
    static boolean handles(HttpServletRequest request) {
        return presents(request) && (PublicPaths.path(request).startsWith("/api/") || ApiDescription.isDocument(request));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !handles(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader("Authorization").substring(7).strip();
        AccountDetails account = null;
        if (ApiTokens.wellFormed(secret)) {
            byte[] hash = ApiTokens.hash(secret);
            account = kept.holder(hash, () -> accounts.holder(tokens.matching(hash))).orElse(null);
        }
        if (account == null) {
            refusals.write(request, response, 401, "apiToken.invalid");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(account));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
