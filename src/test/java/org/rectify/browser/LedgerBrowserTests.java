package org.rectify.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person in a browser: the office and a unit see different ledgers, and the office moves a task on. */
@IntegrationTest
class LedgerBrowserTests {

    private static final String LINCANG = org.rectify.Demo.PLAN_TITLE;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.rectify.plans.Plans plans;

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
        assertThat(refs).contains("三(三)", "五(四)").doesNotContain("二(一)", "四(一)");
        assertThat(text("#current-user")).contains("市环境保护局");
        browser.screenshot("ledger-unit");
    }

    @Test
    void the_office_filters_by_keyword_opens_a_task_and_starts_it() {
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/tasks?planId=" + plans.findByTitle(LINCANG).orElseThrow());
        WebElement q = browser.driver().findElement(By.id("q"));
        q.sendKeys("绿地率");
        wait(ExpectedConditions.textToBe(By.id("ledger-total"), "共 1 项 · 第 1/1 页"));
        browser.driver().findElement(By.linkText("四(一)")).click();
        assertThat(text("h1")).contains("开展全民绿化、全面绿化");
        assertThat(text("#indicators")).contains("绿地率").contains("36");
        browser.screenshot("task-detail");

        browser.driver().findElement(By.cssSelector("button[data-command=START]")).click();
        assertThat(text("#task-status")).isEqualTo("推进中");
        assertThat(text("#history")).contains("开始整改");
    }

    private List<String> refs() {
        return browser.driver().findElements(By.cssSelector("#ledger-table tbody td.ref")).stream()
                .map(WebElement::getText).toList();
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(condition);
    }
}
