package org.rectify.progress;

import org.rectify.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.access.Accounts;
import org.rectify.access.NewAccount;
import org.rectify.access.Role;
import org.rectify.browser.Browser;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.epbStaff;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages whose scripts moved out of the templates still work under the Content-Security-Policy, and the browser
 * refuses nothing on them: the indicator chart, the cadence form, the matrix's plan choice, the unit group picker,
 * the confirmations, and the API description.
 */
@IntegrationTest
@SlowTest
class ScriptsUnderCspBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Accounts accounts;
    @Autowired
    Clock clock;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_office_s_charts_and_forms_run_from_files_under_the_policy() throws Exception {
        ProgressFixture plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        ProgressFixture other = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        long task = plan.epbTask();
        measured(plan, task, plan.pastCycle, "85", plan.today.minusDays(45));
        measured(plan, task, plan.currentCycle, "92.5", plan.today);

        browser = Browser.open(port);
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/progress/tasks/" + task + "/indicators");
        waitFor(By.cssSelector(".chart canvas"));
        browser.screenshot("csp-indicators");
        assertThat(browser.scriptErrors()).isEmpty();

        browser.go("/progress/plans/" + plan.planId + "/cadence");
        browser.driver().findElement(By.id("kind-MONTHLY")).click();
        assertThat(browser.driver().findElement(By.id("custom-dates")).isDisplayed()).isFalse();
        browser.driver().findElement(By.id("kind-CUSTOM")).click();
        browser.screenshot("csp-cadence");
        assertThat(browser.driver().findElement(By.id("custom-dates")).isDisplayed()).isTrue();
        assertThat(browser.scriptErrors()).isEmpty();

        browser.go("/progress/matrix?planId=" + plan.planId);
        new Select(browser.driver().findElement(By.id("planId"))).selectByValue(String.valueOf(other.planId));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("planId=" + other.planId));
        assertThat(browser.scriptErrors()).isEmpty();

        browser.go("/tasks?planId=" + plan.planId);
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void the_administrator_s_pickers_confirmations_and_the_api_description_work_under_the_policy() {
        accounts.create(new NewAccount("csp-browser", "transparent-glass-9", "浏览器测试", units.resolve("临沧市").orElseThrow().id(),
                Role.UNIT_STAFF));
        browser = Browser.open(port);
        browser.logIn("admin", DemoLogins.PASSWORD);

        browser.go("/admin/units/groups/new");
        browser.driver().findElement(By.cssSelector("input[name=memberIds]")).click();
        assertThat(browser.driver().findElement(By.id("selected-count")).getText()).isEqualTo("1");
        assertThat(browser.scriptErrors()).isEmpty();

        long forestry = units.resolve("市林业局").orElseThrow().id();
        browser.go("/admin/units/" + forestry);
        var retireButton = browser.driver().findElement(By.cssSelector("form[action$='/retire'] button"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", retireButton);
        retireButton.click();
        Alert retire = new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(retire.getText()).contains("市林业局");
        retire.dismiss();
        assertThat(units.get(forestry).isCurrent()).as("dismissed: nothing retired").isTrue();
        assertThat(browser.scriptErrors()).isEmpty();

        browser.go("/admin/accounts");
        browser.driver().findElement(By.cssSelector("#account-csp-browser form[action$='/password-reset'] button")).click();
        Alert confirm = new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).contains("确定");
        confirm.dismiss();
        browser.screenshot("csp-accounts");
        assertThat(browser.driver().findElements(By.cssSelector("#account-csp-browser .text-bg-info"))).isEmpty();
        assertThat(browser.scriptErrors()).isEmpty();

        browser.go("/swagger-ui/index.html");
        waitFor(By.cssSelector(".swagger-ui .info .title"));
        waitFor(By.cssSelector(".opblock"));
        browser.screenshot("csp-swagger");
        assertThat(browser.scriptErrors()).isEmpty();

        browser.go("/account/password");
        assertThat(browser.driver().findElement(By.id("password-form")).isDisplayed()).isTrue();
        browser.screenshot("csp-password");
        assertThat(browser.scriptErrors()).isEmpty();

        // markup that slipped through escaping would not run: the browser refuses its inline handler
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("document.body.insertAdjacentHTML('beforeend', '<img src=\"/nowhere.png\" onerror=\"window.injected = 1\">')");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> !browser.scriptErrors().isEmpty()
                || Boolean.TRUE.equals(js.executeScript("return window.injected === 1")));
        assertThat(js.executeScript("return window.injected === undefined")).isEqualTo(true);
    }

    private void measured(ProgressFixture plan, long task, long cycle, String value, LocalDate asOf) throws Exception {
        plan.report(epbStaff(), task, cycle, """
                {"workDone": "监测", "phase": "IN_PROGRESS", "onSchedule": true,
                 "measurements": [{"indicatorName": "监测达标率", "value": "%s", "asOf": "%s", "source": "月报"}]}"""
                .formatted(value, asOf), true).andExpect(status().isCreated());
    }

    private void waitFor(By element) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(element));
    }
}
