package org.rectify.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units are picked as people name them: typing part of a name or an alias (环保 finds 市环境保护局 by its alias
 * 市环保局), choosing with the keyboard, a unit group as one chip; the form still posts the select underneath.
 */
@IntegrationTest
class UnitPickerBrowserTests extends BrowserTest {

    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_office_picks_lead_units_by_typing_and_keyboard_and_a_group_as_one_chip() throws Exception {
        long finance = units.resolve("市财政局").orElseThrow().id();
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long group = jdbc.queryForObject("select id from unit_group where name = '各县区党委'", Long.class);
        long task = TestTasks.inPlan(mvc, plans, units, "单位选择器测试方案")
                .draft("单位选择器：牵头单位", finance, LocalDate.now().plusMonths(6));
        browser = Browser.open(port);
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/tasks/" + task + "/edit");

        WebElement lead = browser.find("#leadUnitIds + .unit-picker");
        assertThat(chips(lead)).containsExactly("市财政局");
        WebElement input = lead.findElement(By.cssSelector("input[role=combobox]"));
        input.click();
        input.sendKeys(Keys.BACK_SPACE); // the empty box's Backspace takes the last chip away
        assertThat(chips(lead)).isEmpty();

        input.sendKeys("环保");
        List<String> offered = options(lead);
        assertThat(offered).anySatisfy(o -> assertThat(o).contains("市环境保护局").contains("市环保局"));
        int down = indexOf(offered, "市环境保护局");
        for (int i = 0; i < down; i++) {
            input.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(lead.findElement(By.cssSelector("[role=option].active")).getText()).contains("市环境保护局");
        assertThat(lead.findElement(By.cssSelector("[role=option].active")).getText()).contains("临沧市 › 临沧市人民政府");
        input.sendKeys(Keys.ENTER);
        assertThat(chips(lead)).containsExactly("市环境保护局");

        input.sendKeys("各县区党委");
        assertThat(options(lead).get(0)).contains("各县区党委").contains("8");
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.ESCAPE);
        assertThat(chips(lead)).containsExactly("市环境保护局", "各县区党委");
        assertThat(lead.findElement(By.cssSelector(".unit-chip-group")).getText()).contains("8 个单位");
        assertThat(browser.scriptErrors()).isEmpty();

        browser.screenshot("unit-picker-task-form");
        browser.clickAndWaitForNextPage(browser.find("form button[type=submit].btn-danger"));
        browser.find("footer");
        List<Map<String, Object>> saved = jdbc.queryForList(
                "select unit_id, via_group_id from task_unit where task_id = ? and role = 'LEAD'", task);
        assertThat(saved).extracting(r -> ((Number) r.get("unit_id")).longValue()).contains(epb).doesNotContain(finance)
                .hasSize(9);
        assertThat(saved).filteredOn(r -> r.get("via_group_id") != null).hasSize(8)
                .allSatisfy(r -> assertThat(((Number) r.get("via_group_id")).longValue()).isEqualTo(group));
    }

    @Test
    void the_picker_fits_a_360_px_phone() throws Exception {
        long task = TestTasks.inPlan(mvc, plans, units, "单位选择器测试方案")
                .draft("单位选择器：手机", units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now().plusMonths(6));
        browser = Browser.open(port);
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/tasks/" + task + "/edit");
        WebElement lead = browser.find("#leadUnitIds + .unit-picker");
        WebElement input = lead.findElement(By.cssSelector("input[role=combobox]"));
        input.sendKeys("临翔"); // typing focuses the box (a click at a phone's emulated size may miss it)
        assertThat(options(lead)).isNotEmpty();
        browser.screenshot("unit-picker-phone");
        long width = ((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(width).isLessThanOrEqualTo(360);
    }

    private static List<String> chips(WebElement picker) {
        return picker.findElements(By.cssSelector(".unit-chip")).stream()
                .map(c -> c.findElement(By.cssSelector("span")).getText()).toList();
    }

    private List<String> options(WebElement picker) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> !picker.findElements(By.cssSelector("[role=listbox]:not([hidden]) [role=option]")).isEmpty()
                        || !picker.findElements(By.cssSelector("[role=listbox]:not([hidden]) .unit-option-note")).isEmpty());
        return picker.findElements(By.cssSelector("[role=option]")).stream().map(WebElement::getText).toList();
    }

    private static int indexOf(List<String> offered, String name) {
        for (int i = 0; i < offered.size(); i++) {
            if (offered.get(i).startsWith(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not offered: " + offered);
    }
}
