package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Pages sign in with a form and a session; the JSON API under {@code /api} also takes HTTP Basic and API tokens
 * ({@link BearerTokens}) and answers 401 instead of redirecting. CSRF: every write with the session cookie needs the
 * token, on pages and on the API alike (the pages' htmx and scripts send it from the {@code _csrf} meta tags); a call
 * that brings its own credentials (HTTP Basic, a token) or has no session needs none, since a foreign page can neither set that header nor use a session it
 * does not have. Sign-ins go through {@link ThrottledAuthentication}; sessions end when their account changes
 * ({@link StaleSessions}). Two chains: token calls ({@link #tokenCalls}, first) and everything else ({@link #security}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * A call under {@code /api} (or the API's description) that brings an API token: its own chain, ordered first,
     * stateless. The token signs each call, so what a session needs is no-op work here and left out: no CSRF token
     * loaded (the page chain's CSRF already waives such calls: a foreign page cannot set the header), no session read
     * or written (no request cache, no session context to load or save, no {@link StaleSessions}: the token's account
     * is checked by {@link BearerTokens} itself), no sign-in form, HTTP Basic, logout or anonymous filters (a call
     * either bears a good token or is answered 401 before them). What protects is the same as the page chain's: the
     * same routes and roles, the same security headers, {@link PasswordChangeRequired}, 401/403 as problem details.
     */
    @Bean
    @Order(1)
    SecurityFilterChain tokenCalls(HttpSecurity http, ApiRefusals apiRefusals, ApiTokens tokens,
                                   AccountDetailsService accounts, KeptSignIns kept,
                                   @Value("${rectify.api-docs.public:false}") boolean apiDocsPublic) throws Exception {
        http.securityMatcher(BearerTokens::handles)
                .authorizeHttpRequests(requests -> routes(requests, apiDocsPublic))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                // not STATELESS: that adds a SessionManagementFilter whose fixation guard gave a browser's session,
                // its cookie sent beside the token, a new id; here no session is read, written or changed
                .sessionManagement(sessions -> sessions.disable())
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(apiRefusals))
                .headers(SecurityConfiguration::headers)
                .addFilterAt(new DisableEncodeUrlFilter(), DisableEncodeUrlFilter.class) // as the page chain: no session id in links
                .addFilterAt(new BearerTokens(tokens, accounts, kept, apiRefusals), BasicAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeRequired(apiRefusals), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain security(HttpSecurity http, AuthenticationManager authentication, ApiRefusals apiRefusals,
                                 DSLContext db, KeptSignIns kept, @Value("${rectify.api-docs.public:false}") boolean apiDocsPublic)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> routes(requests, apiDocsPublic))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiRefusals))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(apiRefusals, api)
                        .defaultAuthenticationEntryPointFor(apiRefusals, ApiDescription::isDocument)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> api.matches(request) && bringsOwnCredentials(request)))
                .headers(SecurityConfiguration::headers)
                .requestCache(cache -> cache.requestCache(new ContinueRequestCache()))
                .addFilterBefore(new StaleSessions(db, kept), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeRequired(apiRefusals), AuthorizationFilter.class);
        return http.build();
    }

    /** Who may ask what: one list for both chains. */
    private static void routes(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                               boolean apiDocsPublic) {
        requests.requestMatchers(PublicPaths.PATTERNS).permitAll();
        if (apiDocsPublic) {
            requests.requestMatchers(ApiDescription.PATTERNS).permitAll();
        }
        requests
                // the office keeps its own robots and endpoints: webhooks are the one admin page it may use
                .requestMatchers("/admin/webhooks/**", "/api/admin/webhooks/**").hasAnyRole("ADMIN", "OFFICE")
                .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated();
    }

    /** The same security headers on every answer, a page's or a token call's. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter(new ContentSecurityPolicy())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frames -> frames.deny());
    }

    /** HTTP Basic, an API token, or no session a foreign page could ride on. */
    private static boolean bringsOwnCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
                || BearerTokens.presents(request) || request.getSession(false) == null;
    }

    /** Spring Security's strict firewall, its name and value checks without regular expressions ({@link AssignedText}). */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(AssignedText.NAME);
        firewall.setAllowedHeaderValues(AssignedText.HEADER_VALUE);
        firewall.setAllowedParameterNames(AssignedText.NAME);
        return firewall;
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        return new ProviderManager(new ThrottledAuthentication(accounts, encoder, throttle));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, and old hashes keep working when the default moves on
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
