package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application's firewall, its checks written without regular expressions (access.internal.AssignedText), still
 * refuses a control character in a header's name or value or in a parameter's name when the request reads it, and lets
 * Chinese names and values (and a tab in a header) through.
 */
@IntegrationTest
class FirewallTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    HttpFirewall firewall;

    @Test
    void a_control_character_in_a_header_or_a_parameter_name_is_refused_and_chinese_passes() throws Exception {
        mvc.perform(get("/api/tasks").param("q", "整改").header("Accept-Language", "zh-CN,\tzh").with(office()))
                .andExpect(status().isOk());

        MockHttpServletRequest odd = new MockHttpServletRequest("GET", "/api/tasks");
        odd.addHeader("X-Note", "a\u0001b");
        odd.addHeader("X-N\u0007ote", "a");
        odd.addHeader("X-Fine", "台账\t说明");
        odd.addParameter("状\u0000态", "x");
        var request = firewall.getFirewalledRequest(odd);
        assertThat(request.getHeader("X-Fine")).isEqualTo("台账\t说明");
        assertThatThrownBy(() -> request.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> request.getHeader("X-N\u0007ote")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(request::getParameterMap).isInstanceOf(RequestRejectedException.class);
    }
}
