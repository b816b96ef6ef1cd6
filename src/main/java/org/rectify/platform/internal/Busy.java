package org.rectify.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to a request that found no turn: 503 with {@code Retry-After}, a problem detail under {@code /api}, the
 * error page elsewhere, in the reader's language. Written before Spring MVC runs, so it speaks for itself.
 */
final class Busy {

    static final int RETRY_AFTER_SECONDS = 5;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    Busy(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // the error page: error.title.503, error.detail.503
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        problem.put("title", messages.getMessage("error.title.503", null, locale));
        problem.put("detail", messages.getMessage("error.detail.503", null, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
