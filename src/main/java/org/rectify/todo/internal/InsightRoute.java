package org.rectify.todo.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whether the leaders' dashboard ({@code /insight}) is part of this build: leaders land there when it is, and the
 * to-do links to it.
 */
@Component
class InsightRoute {

    static final String PATH = "/insight";

    private final RequestMappingHandlerMapping mappings;
    private volatile Boolean exists;

    InsightRoute(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    boolean exists() {
        if (exists == null) {
            exists = mappings.getHandlerMethods().keySet().stream()
                    .anyMatch(info -> info.getPatternValues().contains(PATH));
        }
        return exists;
    }
}
