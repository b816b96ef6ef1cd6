package org.rectify.supervision;

import org.rectify.SlowTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The supervision office issues a notice on a task from the task's page; the lead unit's staff find it in their
 * inbox and answer with text and a file; the supervision office sees the answer and the file.
 */
@IntegrationTest
@SlowTest
class NoticeBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    Warnings warnings;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_supervisor_issues_a_notice_and_the_lead_unit_answers_it_with_a_file() throws Exception {
        long task = startedTask();
        LocalDate replyBy = warnings.today().plusDays(5);
        byte[] pdf = "%PDF-1.4\n% 整改情况说明（浏览器测试）\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempDirectory("rectify-notice").resolve("整改情况说明.pdf");
        Files.write(file, pdf);

        browser = Browser.open(port);
        browser.logIn("supervisor", DemoLogins.PASSWORD);
        browser.go("/tasks/" + task);
        WebElement issue = waitFor(By.id("issue-notice")); // the task page's notices panel, loaded by htmx
        assertThat(text("#task-notices")).contains("这项任务还没有督办单");
        browser.screenshot("notice-task-panel");
        issue.click();
        browser.driver().findElement(By.id("demands")).sendKeys("一、立即组织排查，查明污水直排原因。\n二、五日内书面回复整改情况并附佐证材料。");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('replyBy').value = arguments[0]",
                replyBy.toString());
        browser.screenshot("notice-form");
        browser.driver().findElement(By.cssSelector("form[action$='/supervision/notices'] button[type=submit]")).click();
        String number = waitFor(By.id("notice-number")).getText(); // the answer is a new page: wait for it
        assertThat(number).matches("督〔" + warnings.today().getYear() + "〕\\d+号");
        assertThat(text(".notice-sheet")).contains("五日内书面回复整改情况").contains("市环境保护局：");
        assertThat(text("#reply")).contains("待回复");
        browser.logOut();

        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        WebElement message = until(() -> {
            browser.go("/inbox");
            return browser.driver().findElements(By.cssSelector("#messages li[data-kind=NOTICE_ISSUED]")).stream()
                    .filter(li -> li.getText().contains(number)).findFirst().orElse(null);
        });
        assertThat(message.getText()).contains("请于" + replyBy + "前回复");
        assertThat(text("#unread-count")).isNotBlank(); // the header's unread badge
        message.findElement(By.cssSelector("button")).click();
        assertThat(waitFor(By.id("notice-number")).getText()).isEqualTo(number);
        browser.driver().findElement(By.id("reply-text")).sendKeys("已完成排查：污水管网破损，已于当日修复，整改情况说明见附件。");
        browser.driver().findElement(By.id("reply-files")).sendKeys(file.toString());
        browser.screenshot("notice-reply-form");
        browser.driver().findElement(By.id("send-reply")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("answer-state"), "已回复")); // the answered notice is a new page
        assertThat(text(".notice-evidence")).contains("整改情况说明.pdf").contains(NoticeReplyEvidenceTests.sha256(pdf))
                .contains(pdf.length + " B");
        assertThat(browser.driver().findElements(By.id("reply-form"))).isEmpty();
        browser.logOut();

        browser.logIn("supervisor", DemoLogins.PASSWORD);
        browser.go("/supervision/notices");
        browser.driver().findElement(By.cssSelector("#notices tr[data-number='%s'] a".formatted(number))).click();
        assertThat(waitFor(By.id("answers")).getText()).contains("已完成排查：污水管网破损").contains("演示·市环保局经办人");
        WebElement link = browser.driver().findElement(By.cssSelector(".notice-evidence a.evidence-link"));
        assertThat(link.getText()).isEqualTo("整改情况说明.pdf");
        assertThat(link.getAttribute("href")).contains("/supervision/notices/").contains("/evidence/");
        browser.screenshot("notice-answered");
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Polls (the inbox is filled after the notice's transaction commits) until {@code find} gives an element. */
    private WebElement until(java.util.function.Supplier<WebElement> find) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10), Duration.ofMillis(200)).until(d -> find.get());
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    /** A started task of the test's own plan, led by 市环境保护局. */
    private long startedTask() throws Exception {
        return TestTasks.inPlan(mvc, plans, units, "督办单浏览器测试方案").started("南汀河沿岸污水直排整治",
                units.resolve("市环境保护局").orElseThrow().id(), warnings.today().plusYears(1));
    }
}
