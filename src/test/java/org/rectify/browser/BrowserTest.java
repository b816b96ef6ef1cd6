package org.rectify.browser;

import org.rectify.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: the running app's port, its {@link Browser} (opened by the test, with
 * {@code browser = Browser.open(port)}, where it needs one) and closing that browser after each test.
 */
@SlowTest
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @AfterEach
    protected void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
