package org.rectify.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's own lists on a 360 px phone, as the demo walk found them wider than the screen: the ledger, the plans
 * and a closure (its self-check and evidence tables) are cards, and nothing scrolls the page sideways.
 */
@IntegrationTest
class PhoneLayoutBrowserTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_ledger_the_plans_and_a_closure_fit_a_360_px_phone_without_sideways_scrolling() {
        long closure = jdbc.queryForObject("select min(id) from closure", Long.class);
        browser = Browser.open(port);
        browser.driver().manage().window().setSize(new Dimension(360, 800));
        browser.logIn("office", DemoLogins.PASSWORD);
        for (String path : new String[]{"/tasks", "/plans", "/closure/" + closure}) {
            browser.go(path);
            Object width = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) width).intValue()).as("%s wider than the phone by", path).isLessThanOrEqualTo(0);
        }
    }
}
