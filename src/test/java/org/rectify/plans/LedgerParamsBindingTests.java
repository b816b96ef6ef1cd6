package org.rectify.plans;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.Demo;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledger's query parameters bound once per type ({@code platform.QueryRecordResolver}) instead of by Spring's
 * constructor binding at every request: each parameter reaches the filter as before (the API's page is the ledger's
 * own for the same filter, for every demo scope), an empty one is no filter, and a value that does not convert is
 * refused as before, 422 with the field's sentence in Chinese and in English, on the API and on the page.
 */
@IntegrationTest
class LedgerParamsBindingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Units units;

    private static final Map<String, RequestPostProcessor> LOGINS = Map.of("office", DemoLogins.office(),
            "linxiang-office", DemoLogins.linxiangOffice(), "epb-staff", DemoLogins.epbStaff());

    @Test
    void every_parameter_reaches_the_filter_as_the_ledger_reads_it_for_every_scope() throws Exception {
        Map<String, DataScope> scopes = Demo.scopes(units);
        long plan = ledger.find(filter(null, Set.of(), null, null, LedgerFilter.Sort.DEADLINE, false, 0, 1),
                scopes.get("office")).tasks().get(0).planId();
        LocalDate from = LocalDate.of(2017, 1, 1);
        LocalDate to = LocalDate.of(2030, 12, 31);
        for (var role : LOGINS.entrySet()) {
            DataScope scope = scopes.get(role.getKey());
            // several statuses, both deadlines, a plan, a sort, descending, a page and a size: each one changes the page
            assertSame(role.getValue(), get("/api/tasks").param("status", "ASSIGNED", "IN_PROGRESS", "CLOSED")
                            .param("deadlineFrom", from.toString()).param("deadlineTo", to.toString())
                            .param("planId", String.valueOf(plan)).param("sort", "STATUS").param("desc", "true")
                            .param("page", "0").param("size", "3"),
                    ledger.find(new LedgerFilter(plan, null, null, Set.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS,
                            TaskStatus.CLOSED), from, to, null, null, LedgerFilter.Sort.STATUS, true, 0, 3, null), scope));
            // one status (a single value, not a list), the second page; empty parameters filter nothing
            assertSame(role.getValue(), get("/api/tasks").param("status", "IN_PROGRESS").param("planId", "")
                            .param("deadlineTo", "").param("q", "").param("page", "1").param("size", "2"),
                    ledger.find(filter(null, Set.of(TaskStatus.IN_PROGRESS), null, null, LedgerFilter.Sort.REF,
                            false, 1, 2), scope));
            // a search text and a lead unit
            long lead = units.resolve("市环境保护局").orElseThrow().id();
            assertSame(role.getValue(), get("/api/tasks").param("q", " 整改 ").param("leadUnitId", String.valueOf(lead)),
                    ledger.find(new LedgerFilter(null, null, lead, Set.of(), null, null, null, "整改",
                            LedgerFilter.Sort.REF, false, 0, LedgerFilter.DEFAULT_PAGE_SIZE, null), scope));
        }
    }

    @Test
    void a_value_that_does_not_convert_is_refused_with_the_fields_sentence_on_the_api_and_the_page() throws Exception {
        mvc.perform(get("/api/tasks").param("planId", "abc").param("deadlineTo", "x").param("status", "FOO")
                        .with(DemoLogins.office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("提交的内容有误，请按提示修改。"))
                .andExpect(jsonPath("$.fieldErrors.planId").value("请选择有效的选项。"))
                .andExpect(jsonPath("$.fieldErrors.deadlineTo").value("请输入日期（年-月-日）。"))
                .andExpect(jsonPath("$.fieldErrors.status").value("格式不正确。"));
        mvc.perform(get("/api/tasks").param("size", "many").param("lang", "en").header("Accept-Language", "en")
                        .with(DemoLogins.office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.size").value("Please enter a whole number."));
        mvc.perform(get("/tasks").param("deadlineFrom", "2027-13-45").with(DemoLogins.office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请输入日期（年-月-日）。")));
    }

    private static LedgerFilter filter(Long plan, Set<TaskStatus> statuses, LocalDate from, LocalDate to,
                                       LedgerFilter.Sort sort, boolean desc, int page, int size) {
        return new LedgerFilter(plan, null, null, statuses, from, to, null, null, sort, desc, page, size, null);
    }

    /** The API's page (ids in order, total, page, size) is the ledger's. */
    private void assertSame(RequestPostProcessor who, MockHttpServletRequestBuilder request, LedgerPage expected) throws Exception {
        String json = mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> ids = JsonPath.read(json, "$.tasks[*].id");
        assertThat(ids.stream().map(Number::longValue).toList()).as(json)
                .isEqualTo(expected.tasks().stream().map(TaskSummary::id).toList());
        assertThat(((Number) JsonPath.read(json, "$.total")).longValue()).isEqualTo(expected.total());
        assertThat((Integer) JsonPath.read(json, "$.page")).isEqualTo(expected.page());
        assertThat((Integer) JsonPath.read(json, "$.size")).isEqualTo(expected.size());
    }
}
