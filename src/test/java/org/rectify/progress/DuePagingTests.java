package org.rectify.progress;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangOffice;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The due list over the API a page at a time (a province's root office has every county's due slots): each item on
 * exactly one page, in the order of the whole list, the totals on every page, nothing past the last one, and each
 * office only its own units.
 */
@IntegrationTest
class DuePagingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;

    @Test
    void the_city_office_reads_its_due_list_a_page_at_a_time_first_last_and_past_the_end() throws Exception {
        String first = due(office(), 0, 20);
        int total = JsonPath.read(first, "$.total");
        assertThat(total).as("the demo city's lead duties fill more than one page of 20").isGreaterThan(20);
        assertThat(items(first)).hasSize(20);
        assertThat((Integer) JsonPath.read(first, "$.page")).isZero();
        assertThat((Integer) JsonPath.read(first, "$.size")).isEqualTo(20);

        int pages = (total + 19) / 20;
        List<String> paged = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            String page = due(office(), p, 20);
            assertThat((Integer) JsonPath.read(page, "$.total")).as("the total on page %d", p).isEqualTo(total);
            paged.addAll(items(page));
        }
        String last = due(office(), pages - 1, 20);
        assertThat(items(last)).as("the last page holds the rest").hasSize(total - 20 * (pages - 1));
        assertThat(paged).as("every item once").doesNotHaveDuplicates().hasSize(total);
        List<String> bigger = items(due(office(), 0, 200));
        assertThat(paged.subList(0, bigger.size())).as("in the same order whatever the page size").isEqualTo(bigger);

        String past = due(office(), pages, 20);
        assertThat((List<?>) JsonPath.read(past, "$.plans")).as("past the last page").isEmpty();
        assertThat((Integer) JsonPath.read(past, "$.total")).isEqualTo(total);
    }

    @Test
    void a_county_office_pages_through_its_own_countys_units_only() throws Exception {
        String county = units.get(units.resolve("临翔区").orElseThrow().id()).path();
        String page = due(linxiangOffice(), 0, 200);
        int total = JsonPath.read(page, "$.total");
        List<Number> unitIds = JsonPath.read(page, "$.plans[*].items[*].unitId");
        assertThat(unitIds).isNotEmpty().hasSize(Math.min(total, 200))
                .allSatisfy(id -> assertThat(units.get(id.longValue()).path()).startsWith(county));
        assertThat(total).as("fewer than the city's").isLessThan((Integer) JsonPath.read(due(office(), 0, 20), "$.total"));
    }

    @Test
    void unit_staff_get_their_whole_short_list_on_the_first_page_and_an_unoffered_size_is_the_default() throws Exception {
        String page = mvc.perform(get("/api/progress/due").param("size", "7").with(epbStaff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(page, "$.size")).isEqualTo(ProgressViews.DUE_PAGE_SIZE);
        int total = JsonPath.read(page, "$.total");
        assertThat(items(page)).hasSize(Math.min(total, ProgressViews.DUE_PAGE_SIZE));
        List<Map<String, Object>> plans = JsonPath.read(page, "$.plans");
        assertThat(plans).allSatisfy(p -> assertThat(p).containsKeys("planId", "planTitle", "cycle", "items", "supporting"));
    }

    /** The page (not only the API): the city office's 340 items a page of 50 at a time; a unit's list whole, no pager. */
    @Test
    void the_due_page_pages_a_city_offices_list_and_leaves_a_units_short_list_whole() throws Exception {
        String api = due(office(), 0, 20);
        int total = JsonPath.read(api, "$.total");
        int supporting = JsonPath.read(api, "$.supportingTotal");
        String first = page(office(), 0);
        assertThat(itemRows(first)).as("rows on the first page").isEqualTo(50);
        int pages = (Math.max(total, supporting) + 49) / 50;
        assertThat(first).contains("id=\"due-pages\"").contains("共 " + total + " 项应报 · 第 1/" + pages + " 页")
                .contains("href=\"/progress/due?page=1\"");
        String last = page(office(), pages - 1);
        assertThat(itemRows(last)).as("rows on the last page").isEqualTo(Math.max(0, Math.min(50, total - 50 * (pages - 1))));
        assertThat(last).contains("第 " + pages + "/" + pages + " 页");
        // a unit's list as it was: whole, without a pager (市环保局's staff has more than a page's 50 once other tests add theirs)
        int unitTotal = JsonPath.read(due(epbStaff(), 0, 20), "$.total");
        String unit = page(epbStaff(), 0);
        assertThat(itemRows(unit)).isEqualTo(unitTotal).isPositive();
        assertThat(unit).doesNotContain("id=\"due-pages\"");
    }

    /** The page's task × lead unit rows (a supported task's row has no unit). */
    private static long itemRows(String html) {
        return java.util.regex.Pattern.compile("<tr data-ref=\"[^\"]*\" data-unit=").matcher(html).results().count();
    }

    private String page(RequestPostProcessor who, int page) throws Exception {
        return mvc.perform(get("/progress/due").param("page", "" + page).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String due(RequestPostProcessor who, int page, int size) throws Exception {
        return mvc.perform(get("/api/progress/due").param("page", "" + page).param("size", "" + size).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The page's items as "task/unit", in order. */
    private static List<String> items(String json) {
        List<Number> tasks = JsonPath.read(json, "$.plans[*].items[*].taskId");
        List<Number> unitIds = JsonPath.read(json, "$.plans[*].items[*].unitId");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            out.add(tasks.get(i) + "/" + unitIds.get(i));
        }
        return out;
    }
}
