package org.rectify.plans;

import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ledger's pager at both ends: no link before the first page, no page past the last. */
@IntegrationTest
class LedgerPagingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;

    @Test
    void the_first_page_offers_no_link_to_a_page_before_it() throws Exception {
        mvc.perform(get("/tasks").param("planId", demoPlan()).param("size", "5").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1/5 页")))
                .andExpect(content().string(not(containsString("page=-1"))))
                .andExpect(content().string(containsString("page=1")));
    }

    @Test
    void a_page_past_the_end_shows_the_last_page_and_no_link_beyond_it() throws Exception {
        mvc.perform(get("/tasks").param("planId", demoPlan()).param("size", "5").param("page", "99").with(office()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 22 项 · 第 5/5 页")))
                .andExpect(content().string(not(containsString("第 100/"))))
                .andExpect(content().string(containsString("page=3")))
                .andExpect(content().string(not(containsString("page=5"))))
                .andExpect(content().string(not(containsString("page=100"))));
    }

    @Test
    void the_office_chooses_how_many_tasks_a_page_shows_and_the_next_page_keeps_the_choice() throws Exception {
        mvc.perform(get("/tasks").param("planId", demoPlan()).param("size", "20").with(office()))
                .andExpect(content().string(containsString("<option value=\"20\" selected=\"selected\">20 项</option>")))
                .andExpect(content().string(containsString("共 22 项 · 第 1/2 页")))
                .andExpect(content().string(containsString("size=20&amp;page=1")));
    }

    @Test
    void the_api_answers_a_page_past_the_end_with_the_last_page() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", demoPlan()).param("size", "5").param("page", "99").with(office()))
                .andExpect(jsonPath("$.page").value(4))
                .andExpect(jsonPath("$.tasks.length()").value(2))
                .andExpect(jsonPath("$.total").value(22));
    }

    private String demoPlan() {
        return String.valueOf(Demo.planId(plans));
    }
}
