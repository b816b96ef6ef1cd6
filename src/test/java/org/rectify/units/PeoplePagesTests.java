package org.rectify.units;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 责任人: administrators find the people named in plans and give them the address their reminders are mailed to. */
@IntegrationTest
class PeoplePagesTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Units units;

    @Test
    void an_administrator_finds_a_responsible_person_and_sets_their_email() throws Exception {
        String name = "邮箱页面测试人" + SEQ.incrementAndGet();
        Person person = people.record(name, "副局长", units.resolve("市林业局").orElseThrow().id(), "0883-1234567");

        mvc.perform(get("/admin/people").param("q", name).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("市林业局")))
                .andExpect(content().string(containsString("0883-1234567")));
        mvc.perform(get("/admin/people").param("q", "没有这个人").with(admin()))
                .andExpect(content().string(containsString("没有找到责任人")))
                .andExpect(content().string(not(containsString(name))));

        mvc.perform(post("/admin/people/{id}/email", person.id()).param("email", " Lin.Ye@Example.gov.cn ")
                        .param("q", name).with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/people?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(flash().attribute("flash", "邮箱已保存。"));
        assertThat(people.find(person.id()).orElseThrow().email()).isEqualTo("Lin.Ye@example.gov.cn");
    }

    @Test
    void a_malformed_address_is_refused_with_the_reason_and_the_old_one_stays() throws Exception {
        Person person = people.record("邮箱页面测试人" + SEQ.incrementAndGet(), null, units.resolve("市林业局").orElseThrow().id(), null);
        people.setEmail(person.id(), "kept@example.gov.cn");
        mvc.perform(post("/admin/people/{id}/email", person.id()).param("email", "not an address").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flashError"));
        assertThat(people.find(person.id()).orElseThrow().email()).isEqualTo("kept@example.gov.cn");
    }

    @Test
    void only_administrators_see_the_people_page() throws Exception {
        for (var who : java.util.List.of(office(), as("supervisor"), as("leader"), as("epb-staff"))) {
            mvc.perform(get("/admin/people").with(who)).andExpect(status().isForbidden());
        }
    }
}
