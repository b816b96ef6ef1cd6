package org.rectify.intake;

import org.rectify.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.browser.Browser;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The office in a browser: pastes a small plan, resolves a unit the tree does not know, publishes, finds the tasks. */
@IntegrationTest
@SlowTest
class IntakeBrowserTests {

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
    void the_office_pastes_a_plan_resolves_a_mention_publishes_and_sees_the_tasks_in_the_ledger() {
        String title = "浏览器测试整改方案";
        browser.logIn("office", DemoLogins.PASSWORD);
        browser.go("/intake");
        browser.driver().findElement(By.id("text")).sendKeys(IntakeSupport.smallPlan(title, "市浏览器测试专班"));
        browser.screenshot("intake-start-filled");
        browser.driver().findElement(By.id("intake-submit")).click();

        wait(ExpectedConditions.presenceOfElementLocated(By.id("summary-bar")));
        assertThat(text("#count-tasks")).isEqualTo("2");
        assertThat(text("#count-unresolved")).isEqualTo("1");
        assertThat(browser.driver().findElement(By.id("publish-assign")).isEnabled()).isFalse();
        assertThat(text("#unresolved")).contains("市浏览器测试专班");
        assertThat(text(".draft-card.has-unresolved")).contains("未识别");
        browser.screenshot("intake-review-unresolved");

        // clicking a task's reference finds its words in the source
        WebElement firstRef = browser.driver().findElement(By.cssSelector(".draft-card .ref-badge"));
        firstRef.click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mark.src-task.active")));
        assertThat(text("mark.src-task.active")).contains("建立问题台账");

        // the unit picker: type part of the name, take the match with Enter
        WebElement target = browser.driver().findElement(By.cssSelector("#unresolved .unit-picker input[role=combobox]"));
        target.sendKeys("市环境保护局");
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#unresolved [role=listbox]:not([hidden]) [role=option].active")));
        target.sendKeys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#unresolved .unit-picker .unit-chip"), "市环境保护局"));
        browser.driver().findElement(By.cssSelector("#unresolved .resolve-choose")).click();

        wait(ExpectedConditions.textToBe(By.id("count-unresolved"), "0"));
        assertThat(text(".alert-success")).contains("已识别为“市环境保护局”");
        assertThat(browser.driver().findElements(By.cssSelector(".draft-card.has-unresolved"))).isEmpty();

        // edit a card in place: the card is saved on its own and comes back
        browser.driver().findElement(By.cssSelector(".draft-card .card-edit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".draft-card.editing input[name=title]")));
        WebElement cardTitle = browser.driver().findElement(By.cssSelector(".draft-card.editing input[name=title]"));
        cardTitle.clear();
        cardTitle.sendKeys("建立问题台账（已核对）");
        cardTitle.sendKeys(Keys.ENTER); // Enter saves the card, as the save button does
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("cards"), "建立问题台账（已核对）"));
        // the saved card replaces the editing one (the text can show a moment before the swap settles)
        wait(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".draft-card.editing"), 0));
        browser.screenshot("intake-review-resolved");

        browser.driver().findElement(By.id("publish-assign")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("ledger-total")));
        assertThat(browser.driver().getCurrentUrl()).contains("/tasks?planId=");
        assertThat(text(".alert-success")).contains("已发布并下达：新增 2 项任务");
        assertThat(text("#ledger-total")).startsWith("共 2 项");
        List<String> refs = browser.driver().findElements(By.cssSelector("#ledger-table tbody td.ref")).stream()
                .map(WebElement::getText).toList();
        assertThat(refs).containsExactly("一(一)", "一(二)");
        assertThat(text("#ledger-table")).contains("建立问题台账（已核对）").contains("已下达");
        browser.screenshot("intake-published-ledger");
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(condition);
    }
}
