package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_login_form_signs_a_user_in_and_a_wrong_password_sends_them_back() throws Exception {
        mvc.perform(formLogin("/login").user("office").password("rectify-demo"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("office").password("nope"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void passwords_are_stored_only_as_bcrypt_hashes() {
        String hash = jdbc.queryForObject("select password_hash from account where username = 'office'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("rectify-demo");
    }

    @Test
    void a_new_password_must_have_ten_characters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(new NewAccount("short-pw", "123456789", "x",
                        units.resolve("临沧市").orElseThrow().id(), Role.UNIT_STAFF)))
                .isInstanceOf(org.rectify.platform.InvalidInputException.class);
    }
}
