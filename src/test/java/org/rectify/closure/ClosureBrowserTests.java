package org.rectify.closure;

import org.rectify.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.TestTasks;
import org.rectify.browser.Browser;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a browser: the lead unit applies for closure with a file from the task page, the office (the acceptance unit by
 * default) verifies with a photo whose EXIF capture time shows beside it and approves, and a member of the public
 * objects on the public page without signing in.
 */
@IntegrationTest
@SlowTest
class ClosureBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_unit_applies_with_a_file_the_acceptance_unit_verifies_with_a_photo_and_the_public_objects() throws Exception {
        long task = TestTasks.inPlan(mvc, plans, units, "销号浏览器测试方案").started("南汀河黑臭水体整治",
                units.resolve("市环境保护局").orElseThrow().id(), LocalDate.now().plusMonths(3));
        Path dir = Files.createTempDirectory("rectify-closure");
        Path report = Files.write(dir.resolve("整改完成报告.pdf"), ClosureFlow.PDF);
        Path photo = Files.write(dir.resolve("现场照片.jpg"), ExifJpeg.taken(LocalDateTime.of(2026, 11, 30, 10, 15), 23, 53, 24, 100, 5, 24));

        browser = Browser.open(port);
        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        browser.go("/tasks/" + task);
        browser.clickAndWaitForNextPage(waitFor(By.id("apply-closure"))); // the task page's closure panel, loaded by htmx
        for (WebElement answer : browser.driver().findElements(By.cssSelector("textarea[name=answer]"))) {
            answer.sendKeys("已完成，见整改完成报告");
        }
        browser.driver().findElement(By.id("statement")).sendKeys("南汀河沿岸截污管网已建成，黑臭水体已消除。");
        browser.driver().findElement(By.id("files")).sendKeys(report.toString());
        browser.screenshot("closure-apply");
        press(browser.driver().findElement(By.id("apply")));
        assertThat(browser.find("#closure-stage").getText()).isEqualTo("已申请");
        String url = browser.driver().getCurrentUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(text(".closure-files")).contains("整改完成报告.pdf");
        browser.logOut();

        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/closure/" + id);
        press(browser.find("#assign"));
        assertThat(browser.find("#closure-stage").getText()).isEqualTo("核查验收中");
        browser.driver().findElement(By.id("members")).sendKeys("市督察整改办 王明、市环境保护局 李华");
        browser.driver().findElement(By.id("findings")).sendKeys("现场核查，水体清澈，无直排口。");
        browser.driver().findElement(By.id("verify-files")).sendKeys(photo.toString());
        browser.screenshot("closure-verify");
        press(browser.driver().findElement(By.id("pass")));
        assertThat(browser.find("#closure-stage").getText()).isEqualTo("核查通过待审定");
        assertThat(text(".photo-taken")).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".photo-taken")).stream().map(WebElement::getText))
                .anyMatch(t -> t.contains("2026-11-30 10:15") && t.contains("23.89"));
        press(browser.find("#approve"));
        assertThat(browser.find("#closure-stage").getText()).isEqualTo("公示中");
        browser.screenshot("closure-under-notice");
        browser.go("/closure");
        assertThat(browser.find("#stage-UNDER_NOTICE").getText()).contains("南汀河黑臭水体整治");
        browser.screenshot("closure-desk");
        browser.go("/tasks/" + task + "?lang=en");
        assertThat(waitFor(By.cssSelector("#task-closure a")).getText()).isEqualTo("Attempt 1");
        browser.screenshot("closure-task-panel-en");
        browser.go("/closure?lang=zh_CN");
        browser.logOut();

        browser.go("/public/closures/" + id); // nobody signed in
        assertThat(browser.find("#public-task").getText()).isEqualTo("南汀河黑臭水体整治");
        browser.driver().findElement(By.id("objection-text")).sendKeys("下游仍能闻到异味，建议复查。");
        browser.driver().findElement(By.id("objection-contact")).sendKeys("13900001111");
        browser.screenshot("closure-public-objection");
        press(browser.driver().findElement(By.id("send-objection")));
        assertThat(browser.driver().getPageSource()).contains("您的异议已收到").doesNotContain("13900001111");
        assertThat(jdbc.queryForObject("select contact from closure_objection where closure_id = ?", String.class, id))
                .isEqualTo("13900001111");
    }

    /** Brings a button into the middle of the window at once (Bootstrap scrolls smoothly; a click would land first), then presses it. */
    private void press(WebElement button) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        browser.clickAndWaitForNextPage(button);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(by));
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    /** On a laptop the closure desk's tables, one a stage, line up their columns: each sized to its own rows, they jumped. */
    @Test
    void on_a_laptop_the_closure_desks_stage_tables_line_up_their_columns() {
        browser = Browser.open(port);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/closure");
        java.util.List<WebElement> leadUnits = browser.driver().findElements(By.cssSelector(".closure-desk-table thead th:nth-child(2)"));
        assertThat(leadUnits).as("stages on the demo's desk").hasSizeGreaterThan(2);
        for (WebElement header : leadUnits) {
            assertThat(header.getRect().getX()).as("the lead units column of each stage").isEqualTo(leadUnits.get(0).getRect().getX());
        }
    }
}
