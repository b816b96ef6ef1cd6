package org.rectify.platform;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.supervision.Warnings;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.as;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The supervision and closure lists page in SQL the way the ledger does: the warnings desk, the notices and the
 * closure desk, on the page and in the API: the first page, the last, a page past the end, a size not offered, the
 * total, and a county office's pages holding its county's rows only.
 */
@IntegrationTest
class ListPagingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Warnings warnings;
    @Autowired
    TaskLedger ledger;
    @Autowired
    Plans plans;
    @Autowired
    Units units;

    @Test
    void the_desk_pages_its_warnings_with_the_total_of_the_levels_asked_for() throws Exception {
        moreWarnings();
        Map<String, Object> first = json("/api/supervision/warnings?size=20", office());
        Map<String, Integer> counts = JsonPath.read(body("/api/supervision/warnings?size=20", office()), "$.counts");
        long total = ((Number) first.get("total")).longValue();
        assertThat(total).isEqualTo(counts.get("RED") + counts.get("YELLOW") + counts.get("BLUE")).isGreaterThan(20);
        assertThat(first.get("size")).isEqualTo(20);
        assertThat(first.get("page")).isEqualTo(0);
        int pages = (int) ((total + 19) / 20);
        assertThat(first.get("pages")).isEqualTo(pages);
        assertThat((List<?>) first.get("warnings")).hasSize(20);

        Map<String, Object> last = json("/api/supervision/warnings?size=20&page=" + (pages - 1), office());
        assertThat((List<?>) last.get("warnings")).hasSize((int) (total - 20L * (pages - 1)));
        Map<String, Object> past = json("/api/supervision/warnings?size=20&page=" + (pages + 5), office());
        assertThat(past.get("page")).isEqualTo(pages - 1);
        assertThat(past.get("warnings")).isEqualTo(last.get("warnings"));

        // the pages, one after the other, are the whole list in the desk's order
        List<Object> paged = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            paged.addAll(JsonPath.read(body("/api/supervision/warnings?size=20&page=" + p, office()), "$.warnings[*].taskId"));
        }
        List<Object> whole = new ArrayList<>();
        for (int p = 0; p * 200 < total; p++) {
            whole.addAll(JsonPath.read(body("/api/supervision/warnings?size=200&page=" + p, office()), "$.warnings[*].taskId"));
        }
        assertThat(paged).hasSize((int) total).isEqualTo(whole).doesNotHaveDuplicates();

        Map<String, Object> red = json("/api/supervision/warnings?level=RED&size=37", office());
        assertThat(red.get("size")).isEqualTo(Paging.DEFAULT_SIZE);
        assertThat(((Number) red.get("total")).intValue()).isEqualTo(counts.get("RED"));
    }

    @Test
    void the_desk_page_shows_the_total_and_pages_with_its_filters_kept() throws Exception {
        moreWarnings();
        int total = ((Number) json("/api/supervision/warnings?size=20", office()).get("total")).intValue();
        int pages = (total + 19) / 20;
        String page = body("/supervision?size=20&level=RED&level=YELLOW&level=BLUE", office());
        assertThat(page).contains("共 " + total + " 条 · 第 1/" + pages + " 页")
                .contains("page=1").doesNotContain("page=-1")
                .contains("<option value=\"20\" selected=\"selected\">20 条</option>");
        assertThat(link(page, "下一页")).contains("size=20").contains("level=RED").contains("level=BLUE").contains("page=1");
        assertThat(body("/supervision?size=20&page=" + (pages + 10), office()))
                .contains("第 " + pages + "/" + pages + " 页").doesNotContain("第 " + (pages + 11) + "/");
    }

    @Test
    void a_county_office_pages_through_its_own_warnings_only() throws Exception {
        warnings.recomputeAll(warnings.today());
        long county = ((Number) json("/api/supervision/warnings?size=200", linxiangOffice()).get("total")).longValue();
        long city = ((Number) json("/api/supervision/warnings?size=200", office()).get("total")).longValue();
        assertThat(county).isPositive().isLessThan(city);
        List<Object> ids = new ArrayList<>();
        for (int p = 0; p * 20 < county; p++) {
            ids.addAll(JsonPath.read(body("/api/supervision/warnings?size=20&page=" + p, linxiangOffice()), "$.warnings[*].taskId"));
        }
        assertThat(ids).hasSize((int) county);
        for (Object id : ids) {
            mvc.perform(get("/api/tasks/{id}", id).with(linxiangOffice())).andExpect(status().isOk());
        }
    }

    @Test
    void the_notices_page_in_sql_and_a_county_unit_sees_its_own_only() throws Exception {
        long countyTask = org.rectify.Demo.taskId(ledger, plans, "四(一)"); // led by the county governments too
        long cityTask = TestTasks.inPlan(mvc, plans, units, "分页测试方案").started("分页测试任务",
                units.resolve("市环境保护局").orElseThrow().id(), warnings.today().plusYears(1));
        for (int i = 0; i < 21; i++) {
            issue(countyTask, "分页督办" + i);
        }
        long cityOnly = issue(cityTask, "市级任务督办");

        MockHttpServletResponse first = response("/api/supervision/notices?size=20", office());
        long total = Long.parseLong(first.getHeader("X-Total-Count"));
        assertThat(total).isGreaterThan(21);
        int pages = (int) ((total + 19) / 20);
        assertThat(first.getHeader("X-Pages")).isEqualTo(String.valueOf(pages));
        assertThat(first.getHeader("X-Page-Size")).isEqualTo("20");
        List<Object> firstIds = JsonPath.read(first.getContentAsString(), "$[*].id");
        assertThat(firstIds).hasSize(20).first().isEqualTo((int) cityOnly); // newest first

        MockHttpServletResponse past = response("/api/supervision/notices?size=20&page=" + (pages + 3), office());
        assertThat(past.getHeader("X-Page")).isEqualTo(String.valueOf(pages - 1));
        assertThat((List<?>) JsonPath.read(past.getContentAsString(), "$")).hasSize((int) (total - 20L * (pages - 1)));
        assertThat(response("/api/supervision/notices?size=37", office()).getHeader("X-Page-Size")).isEqualTo("50");

        List<Object> county = new ArrayList<>();
        // a county unit (the county office sees the notices on its own plan's tasks: none here)
        MockHttpServletResponse countyFirst = response("/api/supervision/notices?size=20", linxiangStaff());
        long countyTotal = Long.parseLong(countyFirst.getHeader("X-Total-Count"));
        for (int p = 0; p * 20 < countyTotal; p++) {
            county.addAll(JsonPath.read(response("/api/supervision/notices?size=20&page=" + p, linxiangStaff())
                    .getContentAsString(), "$[*].taskId"));
        }
        assertThat(countyTotal).isGreaterThanOrEqualTo(21).isLessThan(total);
        assertThat(county).hasSize((int) countyTotal).doesNotContain((int) cityTask, cityTask);

        String page = body("/supervision/notices?size=20&page=1", office());
        assertThat(page).contains("共 " + total + " 条 · 第 2/" + pages + " 页");
        assertThat(link(page, "上一页")).contains("page=0").contains("size=20");
    }

    @Test
    void the_closure_desk_pages_and_a_county_unit_sees_its_own_attempts_only() throws Exception {
        MockHttpServletResponse all = response("/api/closures?ended=true&size=200", office());
        long total = Long.parseLong(all.getHeader("X-Total-Count"));
        List<Object> ids = JsonPath.read(all.getContentAsString(), "$[*].id");
        assertThat(ids).hasSize((int) total);
        assertThat(total).isGreaterThan(2);

        List<Object> paged = new ArrayList<>();
        for (int p = 0; p * 20 < total; p++) {
            paged.addAll(JsonPath.read(response("/api/closures?ended=true&size=20&page=" + p, office()).getContentAsString(), "$[*].id"));
        }
        assertThat(paged).isEqualTo(ids);
        MockHttpServletResponse past = response("/api/closures?ended=true&size=20&page=40", office());
        assertThat(past.getHeader("X-Page")).isEqualTo(String.valueOf((total - 1) / 20));
        assertThat(response("/api/closures?size=37", office()).getHeader("X-Page-Size")).isEqualTo("50");

        MockHttpServletResponse county = response("/api/closures?ended=true&size=200", linxiangStaff());
        List<Object> countyTasks = JsonPath.read(county.getContentAsString(), "$[*].taskId");
        assertThat(Long.parseLong(county.getHeader("X-Total-Count"))).isEqualTo(countyTasks.size()).isLessThan(total);
        for (Object task : countyTasks) {
            mvc.perform(get("/api/tasks/{id}", task).with(linxiangStaff())).andExpect(status().isOk());
        }

        assertThat(body("/closure?ended=true&size=20&page=99", office()))
                .contains("共 " + total + " 条 · 第 " + ((total + 19) / 20) + "/" + ((total + 19) / 20) + " 页")
                .contains("<option value=\"20\" selected=\"selected\">20 条</option>")
                .contains("name=\"ended\" value=\"true\"");
    }

    /**
     * The demo warns on fewer tasks than a page holds: tasks with a date two days ahead (blue, listed after every red
     * and yellow task and after the demo's older blue ones, so other tests' first pages keep what they look for) make
     * the desk a few pages.
     */
    private void moreWarnings() throws Exception {
        if (((Number) json("/api/supervision/warnings?size=20", office()).get("total")).intValue() <= 40) {
            var tasks = TestTasks.inPlan(mvc, plans, units, "分页预警测试方案");
            long unit = units.resolve("市环境保护局").orElseThrow().id();
            for (int i = 0; i < 30; i++) {
                tasks.started("分页预警任务" + i, unit, warnings.today().plusDays(2));
            }
        }
        warnings.recomputeAll(warnings.today());
    }

    private long issue(long task, String demands) throws Exception {
        String body = mvc.perform(post("/api/supervision/notices").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskId\": %d, \"demands\": \"%s\", \"replyBy\": \"%s\"}"
                                .formatted(task, demands, warnings.today().plusDays(7))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The href of the pager link named {@code text}. */
    private static String link(String page, String text) {
        int at = page.indexOf(">" + text + "</a>");
        assertThat(at).as("a link " + text).isPositive();
        int href = page.lastIndexOf("href=\"", at);
        return page.substring(href + 6, page.indexOf('"', href + 6)).replace("&amp;", "&");
    }

    private Map<String, Object> json(String url, RequestPostProcessor who) throws Exception {
        return JsonPath.read(body(url, who), "$");
    }

    private String body(String url, RequestPostProcessor who) throws Exception {
        return response(url, who).getContentAsString();
    }

    private MockHttpServletResponse response(String url, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(who).locale(java.util.Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r;
    }
}
