package org.rectify.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Map;

/**
 * Every request parameter (query string and form fields, page and API alike) is checked against
 * {@link InputLimits} before a controller sees it; a refusal goes through {@link ErrorHandling} as a 422 with
 * the field and a sentence. JSON bodies are checked by {@link InputLimitsModule}.
 */
class InputGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            for (String value : p.getValue()) {
                InputLimits.check(p.getKey(), value).ifPresent(refusal -> {
                    throw refusal;
                });
            }
        }
        return true;
    }
}
