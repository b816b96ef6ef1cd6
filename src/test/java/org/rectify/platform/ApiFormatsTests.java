package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API speaks JSON: a body in YAML is not read by a mapper that skips the input limits, and no answer is written
 * as YAML or XML because a client asked for it (SpringDoc's libraries would otherwise bring both converters).
 */
@IntegrationTest
class ApiFormatsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_yaml_body_is_refused_as_an_unsupported_type_and_makes_nothing() throws Exception {
        mvc.perform(post("/api/account/tokens").with(office())
                        .contentType("application/yaml").content("name: yaml-made\ndays: 1\n"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = 'yaml-made'", Long.class)).isZero();
    }

    @Test
    void an_answer_asked_for_as_yaml_or_xml_is_not_acceptable_and_json_is_still_written() throws Exception {
        mvc.perform(get("/api/tasks/count").with(office()).accept("application/yaml"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/api/tasks/count").with(office()).accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/api/tasks/count").with(office()).accept(MediaType.ALL))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").isNumber());
    }
}
