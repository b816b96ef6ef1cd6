package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.browser.Browser;
import org.rectify.browser.BrowserTest;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit's staff submit a report with a file in a browser, and the office sees it in the cycle matrix. */
@IntegrationTest
class ProgressBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;

    @Test
    void unit_staff_submit_a_report_with_a_file_and_the_office_sees_it_in_the_matrix() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        byte[] pdf = "%PDF-1.4\n% 监测站建设方案（浏览器测试）\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempDirectory("rectify-upload").resolve("监测站建设方案.pdf");
        Files.write(file, pdf);

        browser = Browser.open(port);
        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        browser.go("/progress");
        browser.go("/progress/due?planId=" + plan.planId);
        WebElement row = browser.driver().findElement(By.cssSelector(".due-table tr[data-ref='%s']".formatted(ref(plan, task))));
        assertThat(row.findElement(By.cssSelector(".state-cell")).getText()).contains("未报送");
        browser.screenshot("progress-due");
        row.findElement(By.cssSelector("a.write-report")).click();

        browser.driver().findElement(By.id("workDone")).sendKeys("完成全市监测站标准化建设方案，已报局务会审议。");
        browser.driver().findElement(By.cssSelector("input[name=phase][value=IN_PROGRESS]")).click();
        browser.driver().findElement(By.cssSelector("input[name=onSchedule][value=true]")).click();
        browser.driver().findElement(By.cssSelector("input[name='measurements[0].value']")).sendKeys("92.5");
        browser.driver().findElement(By.cssSelector("input[name='measurements[0].source']")).sendKeys("监测月报");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(\"input[name='measurements[0].asOf']\").value = arguments[0]", plan.today.toString());
        browser.driver().findElement(By.id("files")).sendKeys(file.toString());
        browser.screenshot("progress-form");
        WebElement submit = browser.driver().findElement(By.id("submit-report"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", submit);
        browser.clickAndWaitForNextPage(submit);

        assertThat(text("#report-state")).isEqualTo("已报送");
        assertThat(text("#evidence")).contains("监测站建设方案.pdf").contains(EvidenceTests.sha256(pdf));
        assertThat(text(".evidence-size")).isEqualTo(pdf.length + " B");
        assertThat(text(".evidence-kind")).isEqualTo("PDF");
        browser.screenshot("progress-report");
        browser.logOut();

        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/progress/matrix?planId=" + plan.planId);
        WebElement cell = browser.driver().findElement(By.cssSelector("#matrix-table tr[data-ref='%s'] .cell[data-unit='市环境保护局']"
                .formatted(ref(plan, task))));
        assertThat(cell.getAttribute("class")).contains("rc-SUBMITTED");
        assertThat(text("#count-SUBMITTED")).isEqualTo("1");
        browser.screenshot("progress-matrix");
        cell.click();
        assertThat(text("#work-done")).contains("完成全市监测站标准化建设方案");
        assertThat(text("#evidence")).contains("监测站建设方案.pdf");
    }

    /**
     * On a 360 px phone the report form's cycle choice shows the whole cycle: a custom cycle's name already carries its
     * deadline, said once (it was said twice and cut off after the first); the indicator values are cards; at 1366 px
     * the matrix's filter column holds the cycle.
     */
    @Test
    void the_report_forms_cycle_choice_is_not_cut_off_on_a_360_px_phone() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        browser = Browser.open(port);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        for (String lang : new String[]{"zh_CN", "en"}) {
            browser.go("/progress/reports/new?taskId=%d&cycleId=%d&lang=%s".formatted(task, plan.currentCycle, lang));
            WebElement select = browser.find("#cycleId");
            assertThat(spare(select)).as("room left in the cycle choice (%s)", lang).isGreaterThanOrEqualTo(0);
            assertThat(select.getText()).contains(plan.today.plusDays(10).toString());
            // the indicator values are cards: the form is no wider than the phone and a value's box is the card's width
            var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                    .as("report form wider than the phone by (%s)", lang).isLessThanOrEqualTo(0);
            assertThat(((Number) js.executeScript("return document.querySelector(\"#measurement-rows input[name='measurements[0].value']\")"
                    + ".getBoundingClientRect().width")).doubleValue()).as("an indicator's value box (%s)", lang).isGreaterThan(200);
            browser.screenshot("phone-report-form-" + lang);
        }
        // the office's matrix at 1366 px: its filter column holds the cycle's name with its date
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        browser.logOut();
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/progress/matrix?planId=%d&cycleId=%d".formatted(plan.planId, plan.currentCycle));
        assertThat(spare(browser.find("#cycleId"))).as("room left in the matrix's cycle choice").isGreaterThanOrEqualTo(0);
    }

    /**
     * The report form's obligation choice at 360 px: an option was the whole obligation sentence, cut by the phone's
     * drop-down; it is now its number and the start of its subject, shown whole, and the line below the select spells
     * out the chosen obligation, following the choice.
     */
    @Test
    void the_report_forms_obligation_choice_fits_a_360_px_phone_and_the_line_below_it_follows_the_choice() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.task(java.util.List.of("市环境保护局"), java.util.List.of(), """
                {"subject": "局党组会议研究部署环境保护工作", "atLeast": 4, "per": "YEAR"},
                {"subject": "市委常委会会议专题研究部署中央生态环境保护督察反馈意见整改落实工作", "atLeast": 1, "per": "QUARTER"}""");
        browser = Browser.open(port);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        browser.go("/progress/reports/new?taskId=%d&cycleId=%d&lang=en".formatted(task, plan.currentCycle));
        WebElement select = browser.find(".obligation-row select");
        WebElement line = browser.find("#" + select.getAttribute("data-describe"));
        assertThat(line.getText()).isEqualTo("per year: 局党组会议研究部署环境保护工作, at least 4 times");
        new org.openqa.selenium.support.ui.Select(select).selectByIndex(1);
        assertThat(spare(select)).as("room left in the chosen obligation").isGreaterThanOrEqualTo(0);
        assertThat(line.getText()).isEqualTo("per quarter: 市委常委会会议专题研究部署中央生态环境保护督察反馈意见整改落实工作, at least once");
        browser.screenshot("phone-report-form-obligation");
    }

    /** The room left in a closed drop-down once its chosen option's text is drawn (negative: the text is cut). */
    private double spare(WebElement select) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const s = arguments[0], cs = getComputedStyle(s), c = document.createElement('canvas').getContext('2d');
                c.font = cs.font;
                return s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
                    - c.measureText(s.selectedOptions[0].text).width;""", select)).doubleValue();
    }

    private String ref(ProgressFixture plan, long task) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(ProgressFixture.body(mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/tasks/{id}", task)
                        .with(DemoLogins.office())).andReturn()), "$.ref");
    }

    private String text(String css) {
        return browser.find(css).getText();
    }
}
