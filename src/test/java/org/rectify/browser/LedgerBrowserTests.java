package org.rectify.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person in a browser: the office and a unit see different ledgers, and the office moves a task on. */
@IntegrationTest
class LedgerBrowserTests extends BrowserTest {

    private static final String LINCANG = org.rectify.Demo.PLAN_TITLE;

    @org.springframework.beans.factory.annotation.Autowired
    org.rectify.plans.Plans plans;
    @org.springframework.beans.factory.annotation.Autowired
    org.rectify.units.Units units;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
    }

    @Test
    void the_office_sees_the_whole_plan_and_a_unit_only_its_own_tasks() {
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/tasks?planId=" + plans.findByTitle(LINCANG).orElseThrow());
        assertThat(text("#ledger-total")).startsWith("共 22 项");
        assertThat(refs()).contains("二(一)", "二(二)", "二(三)1");
        browser.screenshot("ledger-office");
        browser.logOut();

        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        browser.go("/tasks?size=100");
        List<String> refs = refs();
        // no plan chosen: the list may mix plans, so each task carries its plan's short name
        assertThat(refs).contains("临沧2018·三(三)", "临沧2018·五(四)").doesNotContain("临沧2018·二(一)", "临沧2018·四(一)");
        assertThat(browser.find("#current-user").getDomAttribute("title")).contains("市环境保护局"); // its unit, under the name
        browser.screenshot("ledger-unit");
    }

    @Test
    void the_office_filters_by_keyword_opens_a_task_and_starts_it() throws Exception {
        // a plan and an assigned task of the test's own (the demo's rows are read by other tests)
        String keyword = "浏览器筛选" + System.nanoTime();
        org.rectify.TestTasks own = org.rectify.TestTasks.inPlan(mvc, plans, units, "台账浏览器测试方案 " + keyword);
        long task = own.draft(keyword + "：城区绿地建设", units.resolve("市环境保护局").orElseThrow().id(),
                java.time.LocalDate.now().plusMonths(6));
        org.rectify.TestTasks.command(mvc, task, "ASSIGN");
        own.draft("另一项任务", units.resolve("市林业局").orElseThrow().id(), java.time.LocalDate.now().plusMonths(6));

        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/tasks?planId=" + own.planId());
        wait(ExpectedConditions.textToBe(By.id("ledger-total"), "共 2 项 · 第 1/1 页"));
        browser.driver().findElement(By.id("q")).sendKeys(keyword);
        wait(ExpectedConditions.textToBe(By.id("ledger-total"), "共 1 项 · 第 1/1 页"));
        browser.clickAndWaitForNextPage(browser.find("#ledger-table tbody td.ref a"));
        assertThat(text("h1")).contains("城区绿地建设");
        assertThat(text("#task-status")).isEqualTo("已下达");
        browser.screenshot("task-detail");

        browser.clickAndWaitForNextPage(browser.find("button[data-command=START]"));
        assertThat(text("#task-status")).isEqualTo("推进中");
        // the task's one record is the audit timeline, loaded by htmx
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#task-timeline .timeline"), "开始整改"));
        assertThat(browser.driver().findElements(By.id("history"))).isEmpty();
    }

    private List<String> refs() {
        return browser.driver().findElements(By.cssSelector("#ledger-table tbody td.ref")).stream()
                .map(WebElement::getText).toList();
    }

    private String text(String css) {
        return browser.find(css).getText();
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(condition);
    }
}
