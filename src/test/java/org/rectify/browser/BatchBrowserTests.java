package org.rectify.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The office ticks every task of a page, assigns them in one go, and reads each task's outcome. */
@IntegrationTest
class BatchBrowserTests extends BrowserTest {

    @Autowired
    org.rectify.plans.Plans plans;
    @Autowired
    org.rectify.units.Units units;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    TaskLedger ledger;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
    }

    @Test
    void the_office_selects_all_on_the_page_and_assigns_the_drafts_one_already_assigned_is_refused() throws Exception {
        org.rectify.TestTasks own = org.rectify.TestTasks.inPlan(mvc, plans, units, "批量浏览器测试方案 " + System.nanoTime());
        long epb = units.resolve("市环境保护局").orElseThrow().id();
        long first = own.draft("批量甲", epb, LocalDate.now().plusMonths(6));
        long second = own.draft("批量乙", epb, LocalDate.now().plusMonths(6));
        long assigned = own.draft("批量丙", epb, LocalDate.now().plusMonths(6));
        org.rectify.TestTasks.command(mvc, assigned, "ASSIGN");

        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/tasks?planId=" + own.planId());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("ledger-total"), "共 3 项 · 第 1/1 页"));
        browser.find("input[data-select-all=taskId]").click();
        // ticking is not filtering: the rows stay, all ticked
        assertThat(browser.driver().findElements(By.cssSelector("input[name=taskId]"))).hasSize(3)
                .allMatch(WebElement::isSelected);
        new Select(browser.find("#batch-action")).selectByValue("ASSIGN");
        browser.clickAndWaitForNextPage(browser.find("#batch-run"));

        assertThat(browser.find("#batch-summary").getText()).isEqualTo("完成 2 项，未完成 1 项。");
        assertThat(browser.find(".batch-item[data-id='" + assigned + "'] .batch-reason").getText()).contains("不能执行“下达”");
        assertThat(ledger.get(first, DataScope.ALL).status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(ledger.get(second, DataScope.ALL).status()).isEqualTo(TaskStatus.ASSIGNED);
        browser.screenshot("batch-result");
    }
}
