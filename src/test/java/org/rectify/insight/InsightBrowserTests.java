package org.rectify.insight;

import org.rectify.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.browser.Browser;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A leader opens the dashboard, reads a unit's red figure and follows it to the ledger of exactly those tasks. */
@IntegrationTest
@SlowTest
class InsightBrowserTests {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_leader_follows_a_units_red_figure_to_the_matching_ledger() {
        browser.logIn("leader", DemoLogins.PASSWORD);
        browser.go("/insight");
        browser.find("#units-chart canvas");
        assertThat(browser.scriptErrors()).isEmpty();
        browser.driver().manage().window().setSize(new Dimension(1440, 2300));
        browser.screenshot("insight-dashboard-zh");

        browser.driver().findElement(By.cssSelector("[data-table-toggle=units-table]")).click();
        WebElement red = browser.find("#units-table tbody tr:first-child a[data-figure=RED]");
        String unit = browser.find("#units-table tbody tr:first-child td:first-child").getText();
        String count = red.getText();
        assertThat(Integer.parseInt(count)).isPositive();
        browser.clickAndWaitForNextPage(red);

        assertThat(browser.driver().getCurrentUrl()).contains("/tasks?").contains("figure=RED").contains("leadUnitId=");
        assertThat(browser.find("#ledger-total").getText()).startsWith("共 " + count + " 项");
        assertThat(browser.find("#ledger-figure").getText()).contains("红色预警");
        assertThat(browser.driver().findElement(By.id("leadUnitId")).getAttribute("value")).isNotBlank();
        assertThat(unit).isNotBlank();
        browser.screenshot("insight-ledger-red");

        browser.go("/insight?lang=en");
        browser.find("#units-chart canvas");
        browser.screenshot("insight-dashboard-en");
        browser.go("/insight/briefing?lang=zh_CN");
        assertThat(browser.find("#text").getAttribute("value")).contains("项整改任务中").doesNotContain("2,0");
        browser.screenshot("insight-briefing-zh");
    }

    @Test
    void a_unit_head_sees_the_units_figures_and_what_waits_on_it() {
        browser.logIn("epb-head", DemoLogins.PASSWORD);
        browser.go("/insight");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/insight/unit");
        assertThat(browser.find("h1").getText()).isEqualTo("市环境保护局整改情况");
        assertThat(browser.find("#todo-reports").getText()).contains("本期待报送进展");
        assertThat(browser.scriptErrors()).isEmpty();
        browser.driver().manage().window().setSize(new Dimension(1440, 2300));
        browser.screenshot("insight-unit-zh");
        browser.go("/insight/unit?lang=en");
        browser.screenshot("insight-unit-en");
    }
}
