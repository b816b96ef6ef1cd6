package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Pages sign in with a form and a session; the JSON API under {@code /api} also takes HTTP Basic and API tokens
 * ({@link BearerTokens}) and answers 401 instead of redirecting. CSRF: every write with the session cookie needs the
 * token, on pages and on the API alike (the pages' htmx and scripts send it from the {@code _csrf} meta tags); a call
 * that brings its own credentials (HTTP Basic, a token) or has no session needs none, since a foreign page can neither set that header nor use a session it
 * does not have. Sign-ins go through {@link ThrottledAuthentication}; sessions end when their account changes
 * ({@link StaleSessions}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain security(HttpSecurity http, AuthenticationManager authentication, ApiRefusals apiRefusals,
                                 DSLContext db, ApiTokens tokens, AccountDetailsService accounts, KeptSignIns kept,
                                 @Value("${rectify.api-docs.public:false}") boolean apiDocsPublic)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(PublicPaths.PATTERNS).permitAll();
                    if (apiDocsPublic) {
                        requests.requestMatchers(ApiDescription.PATTERNS).permitAll();
                    }
                    requests
                            // the office keeps its own robots and endpoints: webhooks are the one admin page it may use
                            .requestMatchers("/admin/webhooks/**", "/api/admin/webhooks/**").hasAnyRole("ADMIN", "OFFICE")
                            .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
                            .anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiRefusals))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(apiRefusals, api)
                        .defaultAuthenticationEntryPointFor(apiRefusals, ApiDescription::isDocument)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> api.matches(request) && bringsOwnCredentials(request)))
                .headers(headers -> headers
                        .addHeaderWriter(new ContentSecurityPolicy())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .addFilterBefore(new BearerTokens(tokens, accounts, kept, apiRefusals), BasicAuthenticationFilter.class)
                .addFilterBefore(new StaleSessions(db, kept), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeRequired(apiRefusals), AuthorizationFilter.class);
        return http.build();
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
