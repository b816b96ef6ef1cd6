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
    void five_wrong_passwords_in_a_row_lock_the_account_even_against_the_right_one() throws Exception {
        accounts.create(new NewAccount("lockout-test", "correct-horse", "锁定测试", units.resolve("临沧市").orElseThrow().id(),
                Role.UNIT_STAFF));
        mvc.perform(get("/api/plans").with(httpBasic("lockout-test", "correct-horse"))).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/plans").with(httpBasic("lockout-test", "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/plans").with(httpBasic("lockout-test", "correct-horse"))).andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select locked_until is not null from account where username = 'lockout-test'",
                Boolean.class)).isTrue();
    }

    @Test
    void a_new_password_must_have_eight_characters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(new NewAccount("short-pw", "1234567", "x",
                        units.resolve("临沧市").orElseThrow().id(), Role.UNIT_STAFF)))
                .isInstanceOf(org.rectify.platform.InvalidInputException.class);
    }
}
