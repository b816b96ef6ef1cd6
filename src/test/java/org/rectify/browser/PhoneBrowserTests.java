package org.rectify.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rectify.Demo;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County and township staff work on a phone between site visits: every page a unit user needs fits a 360 px wide
 * screen without sideways scrolling, in Chinese and in English, and the report form offers the camera.
 */
@IntegrationTest
class PhoneBrowserTests extends BrowserTest {

    private static final int PHONE_WIDTH = 360;

    @Autowired
    TaskLedger ledger;
    @Autowired
    Plans plans;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_unit_users_pages_fit_a_360_px_phone_in_both_languages() {
        browser = Browser.open(port);
        phone();
        browser.logIn("epb-staff", DemoLogins.PASSWORD);
        long task = Demo.taskId(ledger, plans, "三(四)"); // led by 市环境保护局
        browser.go("/progress/due");
        String write = browser.find("a.write-report").getDomAttribute("href"); // a report this cycle still lacks
        long notice = jdbc.queryForObject("select min(id) from supervision_notice", Long.class);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("due", "/progress/due");
        pages.put("report-form", write);
        pages.put("task", "/tasks/" + task);
        pages.put("notices", "/supervision/notices");
        pages.put("notice", "/supervision/notices/" + notice);
        pages.put("inbox", "/inbox");
        for (String lang : new String[]{"zh_CN", "en"}) {
            pages.forEach((name, path) -> {
                browser.go(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                browser.find("footer, section, main");
                long width = ((Number) js().executeScript("return document.documentElement.scrollWidth")).longValue();
                browser.screenshot("phone-" + name + "-" + lang);
                assertThat(width).as("%s (%s) is %d px wide", path, lang, width).isLessThanOrEqualTo(PHONE_WIDTH);
            });
        }
        browser.go(write);
        assertThat(browser.find("input[type=file][capture]").getDomAttribute("accept")).isEqualTo("image/*");
    }

    /** A phone's screen: 360 CSS px wide, touch, at twice the pixel density. */
    private void phone() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }
}
