package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.access.DataScope;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledger's JSON writes its rows by hand, their title and text as the bytes PostgreSQL sent
 * (plans.internal.WrittenSummaries): a title and text that need escaping read back as written, and the answer is the
 * app's own mapper's writing of the same page with its rows as plain summaries, byte for byte; the HTML page shows
 * the same texts.
 */
@IntegrationTest
class LedgerJsonTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    TaskLedger ledger;
    @Autowired
    JsonMapper json;

    @Test
    void a_title_and_text_that_need_escaping_read_back_as_written_in_the_mapper_s_own_bytes() throws Exception {
        TestTasks plan = TestTasks.inPlan(mvc, plans, units, "台账JSON测试方案");
        String title = "推进\"清废\"行动\\二期</script>😀" + SEQ.incrementAndGet();
        String text = "第一行\n第二行\t制表 “回头看” \u2028 𠮷 &<>'/";
        String created = mvc.perform(post("/api/tasks").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("planId", plan.planId(), "ref", "J" + SEQ.get(),
                                "title", title, "text", text,
                                "leadUnits", Map.of("unitIds", List.of(units.resolve("临沧市").orElseThrow().id())),
                                "milestones", List.of(Map.of("dueOn", LocalDate.now().plusDays(30).toString(),
                                        "deliverable", "完成"))))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        byte[] answer = mvc.perform(get("/api/tasks").param("planId", String.valueOf(plan.planId())).param("size", "200")
                .with(office())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String body = new String(answer, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(body, "$.tasks[?(@.id == %d)].title".formatted(id))).containsExactly(title);
        assertThat(JsonPath.<List<String>>read(body, "$.tasks[?(@.id == %d)].text".formatted(id))).containsExactly(text);

        LedgerPage page = ledger.find(LedgerFilter.ofPlan(plan.planId(), 200), DataScope.ALL);
        LedgerPage plain = new LedgerPage(new ArrayList<>(page.tasks()), page.total(), page.totalEstimated(),
                page.page(), page.size());
        assertThat(answer).as("the mapper's bytes of the same page").isEqualTo(json.writeValueAsBytes(plain));
        assertThat(page.tasks()).filteredOn(t -> t.id() == id).singleElement()
                .satisfies(t -> assertThat(List.of(t.title(), t.text())).containsExactly(title, text));

        String html = mvc.perform(get("/tasks").param("planId", String.valueOf(plan.planId())).param("size", "200")
                .with(office())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("推进&quot;清废&quot;行动\\二期&lt;/script&gt;😀" + SEQ.get()).doesNotContain("</script>😀");
    }
}
