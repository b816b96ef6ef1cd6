package org.rectify.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * How the API refuses a caller before any controller runs: a problem detail with a sentence in the caller's language.
 * Unsigned or wrongly signed calls get 401 (without a {@code WWW-Authenticate} challenge, so a browser never caches
 * Basic credentials that a foreign page could then ride on); a throttled sign-in gets 429 and {@code Retry-After}.
 */
@Component
class ApiRefusals implements AuthenticationEntryPoint {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final Clock clock;

    ApiRefusals(MessageSource messages, LocaleResolver locales, Clock clock) {
        this.messages = messages;
        this.locales = locales;
        this.clock = clock;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            long seconds = Math.max(1, Duration.between(clock.instant(), throttled.retryAt()).toSeconds() + 1);
            response.setHeader("Retry-After", String.valueOf(seconds));
            write(request, response, 429, "login.throttled");
        } else {
            // "disabled" only after the right password (see ThrottledAuthentication)
            write(request, response, 401, e instanceof BadCredentialsException ? "login.failed"
                    : e instanceof DisabledException ? "login.disabled" : "login.required");
        }
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("error.title." + status, null, "", locale);
        String detail = messages.getMessage(key, null, key, locale);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":" + json(title)
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
