package org.rectify.access;

import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed sign-ins slow down their name and their client address with growing delays; nobody can lock an account,
 * and the answers (and their timing) are the same for names that exist and names that do not. Each test signs in
 * from its own addresses, so the delays it causes touch no other test.
 */
@IntegrationTest
@RecordApplicationEvents
class SignInThrottleTests {

    static final String PASSWORD = "correct-horse-7";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long account(String username, Role role) {
        return accounts.create(new NewAccount(username, PASSWORD, "限流测试", units.resolve("临沧市").orElseThrow().id(), role));
    }

    /** As if the delay had run out: the last failure a minute and a bit ago. */
    private void waitOut(String name) {
        jdbc.update("update login_throttle set last_failure_at = last_failure_at - interval '61 seconds' where key = ?",
                "name:" + name);
    }

    private Integer failures(String key) {
        return jdbc.query("select failures from login_throttle where key = ?", (r, i) -> r.getInt(1), key)
                .stream().findFirst().orElse(null);
    }

    @Test
    void after_five_wrong_passwords_over_basic_the_right_one_waits_unchecked_until_the_delay_has_run_out() throws Exception {
        account("throttle-basic", Role.UNIT_STAFF);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/plans").with(httpBasic("throttle-basic", "wrong-" + i)).with(from("10.9.1.1")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().doesNotExist("WWW-Authenticate"))
                    .andExpect(jsonPath("$.detail").value("用户名或密码错误。"));
        }
        mvc.perform(get("/api/plans").with(httpBasic("throttle-basic", PASSWORD)).with(from("10.9.1.2")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(containsString("请稍后再试")));
        assertThat(failures("name:throttle-basic")).as("a refused attempt is not checked, so not counted").isEqualTo(5);

        waitOut("throttle-basic");
        mvc.perform(get("/api/plans").with(httpBasic("throttle-basic", PASSWORD)).with(from("10.9.1.2")))
                .andExpect(status().isOk());
        assertThat(failures("name:throttle-basic")).as("a success clears its name").isNull();
    }

    @Test
    void an_outsider_cannot_lock_an_administrator_out_and_another_administrator_can_clear_the_delay() throws Exception {
        long id = account("throttle-admin", Role.ADMIN);
        for (int i = 0; i < 12; i++) { // from many addresses, as a botnet would
            mvc.perform(get("/api/plans").with(httpBasic("throttle-admin", "guess-" + i)).with(from("10.9.2." + i)));
        }
        mvc.perform(get("/api/plans").with(httpBasic("throttle-admin", PASSWORD)).with(from("10.9.2.100")))
                .andExpect(status().isTooManyRequests());
        // however many failures, a minute after the last one the owner gets in
        waitOut("throttle-admin");
        mvc.perform(get("/api/plans").with(httpBasic("throttle-admin", PASSWORD)).with(from("10.9.2.100")))
                .andExpect(status().isOk());

        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/plans").with(httpBasic("throttle-admin", "again-" + i)).with(from("10.9.2.50")));
        }
        mvc.perform(get("/admin/accounts").param("q", "throttle-admin").with(DemoLogins.admin())) // (one page of many)
                .andExpect(content().string(containsString("登录受限")));
        mvc.perform(post("/admin/accounts/{id}/unlock", id).with(DemoLogins.admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/plans").with(httpBasic("throttle-admin", PASSWORD)).with(from("10.9.2.101")))
                .andExpect(status().isOk());
        assertThat(events.stream(AccountChanged.class)
                .filter(e -> e.accountId() == id && e.change() == AccountChanged.Change.UNLOCKED))
                .singleElement().satisfies(e -> {
                    assertThat(e.auditAction()).isEqualTo("account.unlocked");
                    assertThat(e.auditObject()).isEqualTo("account:" + id);
                    assertThat(e.actor()).contains("系统管理员");
                });
    }

    @Test
    void the_sign_in_form_answers_a_real_name_and_an_unknown_one_alike_and_slows_both_down() throws Exception {
        account("throttle-form", Role.UNIT_STAFF);
        for (String name : List.of("throttle-form", "nobody-by-this-name")) {
            for (int i = 0; i < 5; i++) {
                assertThat(formAnswer(name, "wrong-" + i, "10.9.3." + i)).contains("用户名或密码错误").doesNotContain("请稍后再试");
            }
            assertThat(formAnswer(name, PASSWORD, "10.9.3.99")).contains("登录尝试过于频繁，请稍后再试");
        }
    }

    @Test
    void a_disabled_account_with_a_wrong_password_answers_like_any_other_name() throws Exception {
        long id = account("throttle-disabled", Role.UNIT_STAFF);
        accounts.setEnabled(id, false);
        assertThat(formAnswer("throttle-disabled", "wrong", "10.9.7.1")).contains("用户名或密码错误").doesNotContain("停用");
        assertThat(formAnswer("throttle-disabled", PASSWORD, "10.9.7.1")).contains("该账号已停用");
    }

    @Test
    void a_successful_sign_in_writes_nothing_when_there_is_nothing_to_clear() throws Exception {
        String accountRow = "select xmin::text from account where username = 'epb-head'";
        String throttleRows = "select count(*) || ':' || coalesce(max(xmin::text), '') from login_throttle";
        String before = jdbc.queryForObject(accountRow, String.class);
        String throttleBefore = jdbc.queryForObject(throttleRows, String.class);
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/plans").with(DemoLogins.as("epb-head")).with(from("10.9.4.1"))).andExpect(status().isOk());
        }
        assertThat(jdbc.queryForObject(accountRow, String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject(throttleRows, String.class)).isEqualTo(throttleBefore);
    }

    @Test
    void many_failures_from_one_address_slow_that_address_down_whatever_names_it_tries() throws Exception {
        account("throttle-neighbour", Role.UNIT_STAFF);
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/plans").with(httpBasic("sprayed-name-" + i, "123456")).with(from("10.9.5.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/plans").with(httpBasic("throttle-neighbour", PASSWORD)).with(from("10.9.5.1")))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/plans").with(httpBasic("throttle-neighbour", PASSWORD)).with(from("10.9.5.2")))
                .andExpect(status().isOk());
    }

    @Test
    void an_unknown_name_takes_about_as_long_to_refuse_as_a_known_one() throws Exception {
        account("throttle-timing", Role.UNIT_STAFF);
        mvc.perform(get("/api/plans").with(httpBasic("nobody-warmup", "x")).with(from("10.9.8.200"))); // the dummy hash is made once
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            known.add(timed("throttle-timing", "10.9.8." + i));
            unknown.add(timed("nobody-timing-" + i, "10.9.8." + (100 + i)));
        }
        long k = median(known);
        long u = median(unknown);
        assertThat(u).as("unknown %s ms vs known %s ms", u / 1_000_000, k / 1_000_000).isBetween(k / 2, k * 2);
    }

    private long timed(String name, String address) throws Exception {
        long start = System.nanoTime();
        mvc.perform(get("/api/plans").with(httpBasic(name, "wrong-password")).with(from(address)))
                .andExpect(status().isUnauthorized());
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /** What the sign-in form says after this attempt. */
    private String formAnswer(String name, String password, String address) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").param("username", name).param("password", password).session(session)
                        .with(csrf()).with(from(address)))
                .andExpect(redirectedUrl("/login?error"));
        return mvc.perform(get("/login").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static org.springframework.test.web.servlet.result.ContentResultMatchers content() {
        return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content();
    }
}
