package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every page's frame shows: the menu only to signed-in users, and an icon that is there; and one colour for a
 * page's main button.
 */
@IntegrationTest
class LayoutTests {

    @Autowired
    MockMvc mvc;

    @Test
    void the_sign_in_page_shows_no_menu_to_an_anonymous_visitor() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/tasks\""))))
                .andExpect(content().string(not(containsString("href=\"/supervision\""))))
                .andExpect(content().string(not(containsString("href=\"/swagger-ui/index.html\""))))
                .andExpect(content().string(containsString("EN")));
    }

    @Test
    void every_page_links_an_icon_that_anyone_can_fetch() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">")));
        mvc.perform(get("/favicon.svg"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/favicon.ico")).andExpect(redirectedUrl("/favicon.svg"));
    }

    @Test
    void every_script_and_style_sheet_a_page_links_is_served() throws Exception {
        String page = mvc.perform(get("/tasks").with(office())).andReturn().getResponse().getContentAsString();
        List<String> assets = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
        assertThat(assets).contains("/webjars/htmx.org/dist/htmx.min.js", "/css/rectify.css"); // written as the template has them
        for (String asset : assets) {
            mvc.perform(get(asset)).andExpect(status().isOk());
        }
    }

    /**
     * The platform's red is its primary colour (btn-danger): a blue main button beside red ones (the look-back
     * campaign's 发起, the audit log's 立即校验, session 15) reads as a different kind of action.
     */
    @Test
    void every_main_button_is_the_platforms_red_never_bootstraps_blue() throws Exception {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).hasSizeGreaterThan(50);
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(template.getFilename()).doesNotContain("btn-primary").doesNotContain("btn-outline-primary");
        }
        mvc.perform(get("/closure/look-backs").with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<button class=\"btn btn-danger btn-sm\" type=\"submit\" id=\"start-campaign\"")));
        mvc.perform(get("/admin/audit").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<button class=\"btn btn-sm btn-danger\" type=\"button\" id=\"verify-now\"")));
    }

    @Test
    void a_signed_in_user_sees_the_menu() throws Exception {
        mvc.perform(get("/tasks").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/tasks\"")))
                .andExpect(content().string(containsString("href=\"/supervision\"")));
    }
}
