package org.tonkla.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tonkla.IntegrationTest;

/** A page test: the application of {@link IntegrationTest} and one headless Chromium for the test class. */
public abstract class BrowserTest extends IntegrationTest {

    protected static Browser browser;

    @BeforeAll
    protected static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    protected static void stopBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }
}
