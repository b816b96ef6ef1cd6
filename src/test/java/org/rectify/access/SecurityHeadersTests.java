package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The headers that keep injected markup from running and pages from being framed; the API description behind sign-in. */
@IntegrationTest
class SecurityHeadersTests {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVAL_NEEDS = Pattern.compile("hx-on|javascript:|\\bjs:", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;

    @Test
    void every_page_allows_scripts_only_from_the_sites_own_files_and_may_not_be_framed() throws Exception {
        for (MvcResult page : List.of(
                mvc.perform(get("/login")).andExpect(status().isOk()).andReturn(),
                mvc.perform(get("/tasks").with(DemoLogins.office())).andExpect(status().isOk()).andReturn())) {
            String csp = page.getResponse().getHeader("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval");
            String scriptSrc = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
            assertThat(scriptSrc).doesNotContain("unsafe-inline");
            assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void no_template_has_inline_script_or_inline_event_handlers() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> templates = files.filter(f -> f.toString().endsWith(".html")).toList();
            assertThat(templates).hasSizeGreaterThan(30);
            for (Path template : templates) {
                String html = Files.readString(template);
                assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in %s", template).isFalse();
                assertThat(EVENT_HANDLER.matcher(html).find()).as("on…= handler in %s", template).isFalse();
                assertThat(EVAL_NEEDS.matcher(html).find()).as("hx-on / javascript: in %s", template).isFalse();
            }
        }
    }

    @Test
    void in_the_production_default_the_api_description_is_not_served_to_an_anonymous_caller() throws Exception {
        // the description, in every form: a 401 problem a program can read, not a sign-in page
        for (String path : new String[]{"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/api/tasks"))));
        }
        mvc.perform(get("/swagger-ui.html")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/v3/api-docs").with(DemoLogins.as("epb-staff"))).andExpect(status().isOk());
    }
}
