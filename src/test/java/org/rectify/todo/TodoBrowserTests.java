package org.rectify.todo;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.browser.Browser;
import org.rectify.browser.BrowserTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The to-do journey in a browser: unit staff on a phone write a report with a photo from their to-do, the head
 * approves it from theirs, the office returns it, and the staff find it on their to-do and resubmit it.
 */
@IntegrationTest
class TodoBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;

    @Test
    void staff_report_from_the_to_do_the_head_approves_from_it_and_a_returned_report_comes_back_to_it() throws Exception {
        TodoFixture plan = TodoFixture.plan(mvc, units, LocalDate.now(clock));
        String ref = TodoFixture.ref();
        plan.task(ref);
        Path photo = Files.createTempDirectory("rectify-photo").resolve("现场照片.png");
        Files.write(photo, png());

        browser = Browser.open(port);
        phone();
        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/todo");
        assertThat(browser.find("#todo-phone-link .badge").getText()).isEqualTo(browser.find("#todo-total").getText());
        assertNoSidewaysScrolling();
        browser.screenshot("todo-staff-phone-zh");
        submit(item("10-write", ref).findElement(By.cssSelector(".todo-action")));

        browser.find("#workDone").sendKeys("完成监测站选址，现场照片见附件。");
        check("input[name=phase][value=IN_PROGRESS]");
        check("input[name=onSchedule][value=true]");
        browser.driver().findElement(By.id("files")).sendKeys(photo.toString());
        submit(browser.driver().findElement(By.id("submit-report")));
        assertThat(browser.find("#report-state").getText()).isEqualTo("待审核");
        assertThat(browser.find("#evidence").getText()).contains("现场照片.png");
        signOut();

        desktop();
        browser.logIn("epb-head", DemoLogins.PASSWORD);
        browser.screenshot("todo-head-desktop-zh");
        submit(item("05-approve", ref).findElement(By.cssSelector(".todo-action")));
        submit(browser.find("#approve-report"));
        assertThat(browser.find("#report-state").getText()).isEqualTo("已报送");
        String reportPath = new java.net.URI(browser.driver().getCurrentUrl()).getPath();
        signOut();

        browser.logIn("office", DemoLogins.PASSWORD);
        browser.screenshot("todo-office-desktop-zh");
        browser.go(reportPath);
        browser.find("#return-toggle").click();
        WebElement comment = browser.find("#return-comment");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> comment.isDisplayed());
        comment.sendKeys("请补充监测站建设合同。");
        submit(browser.driver().findElement(By.cssSelector("#return-form button[type=submit]")));
        assertThat(browser.find("#report-state").getText()).contains("已退回");
        signOut();

        phone();
        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        submit(item("20-returned", ref).findElement(By.cssSelector(".todo-action")));
        assertThat(browser.find("#return-notice").getText()).contains("请补充监测站建设合同。");
        submit(browser.find("#new-version"));
        WebElement work = browser.find("#workDone");
        work.clear();
        work.sendKeys("完成监测站选址，已补充建设合同。");
        submit(browser.driver().findElement(By.id("submit-report")));
        assertThat(browser.find("#report-version").getText()).isEqualTo("第2版");
        // the correction waits for the head again: on the head's to-do, off the staff's
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/todo")
                        .with(DemoLogins.as("epb-head"))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("data-kind=\"05-approve\"").contains("data-ref=\"%s\"".formatted(ref));
        browser.go("/todo");
        assertThat(browser.driver().findElements(By.cssSelector(".todo-item[data-ref='%s']".formatted(ref)))).isEmpty();
        browser.go("/todo?lang=en");
        assertNoSidewaysScrolling();
        browser.screenshot("todo-staff-phone-en");
        desktop();
        browser.screenshot("todo-staff-desktop-en");
        browser.go("/todo?lang=zh_CN");
        assertThat(browser.scriptErrors()).isEmpty();
    }

    private WebElement item(String kind, String ref) {
        return browser.find(".todo-group[data-kind='%s'] .todo-item[data-ref='%s']".formatted(kind, ref));
    }

    private void submit(WebElement button) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        browser.clickAndWaitForNextPage(button);
    }

    /** Ticks a radio button (on a phone its label may lie under the fixed header: a user taps it after scrolling). */
    private void check(String css) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", browser.find(css));
    }

    /** Signs out with the header's button (on a phone it is folded into the menu: sign out at desktop width). */
    private void signOut() {
        desktop();
        browser.logOut();
    }

    private void phone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    private void desktop() {
        browser.driver().manage().window().setSize(new Dimension(1440, 1000));
    }

    private void assertNoSidewaysScrolling() {
        Object wider = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(wider).isEqualTo(false);
    }

    /** A 1×1 PNG: a photo as far as the evidence store can tell. */
    private static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }
}
