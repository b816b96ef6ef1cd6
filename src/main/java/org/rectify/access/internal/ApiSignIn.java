package org.rectify.access.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The API description names HTTP Basic and API tokens as how callers sign in, so the API page offers "Authorize": its writes then
 * carry their own credentials, which need no CSRF token (a write that rides on the page's session cookie needs one).
 */
@Component
class ApiSignIn implements OpenApiCustomizer {

    static final String SCHEME = "basic";
    static final String TOKEN = "token";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The account's username and password; a session's writes need the CSRF token instead"));
        api.getComponents().addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token from /account/tokens (rct_…): for programs, no password and no bcrypt per call"));
        api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        api.addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }
}
