package org.tonkla.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless. Playwright never downloads a browser here:
 * the tests use {@code /usr/bin/chromium} (or {@code TONKLA_CHROMIUM}), which .ci/run installs.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        // The whole suite shares two cores with the server under test: a first page view (cold code, a shared
        // embedded PostgreSQL) can take longer than Playwright's 5 s default on a busy CI machine.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    public static Browser start() {
        return new Browser();
    }

    public static Path executable() {
        String configured = System.getenv("TONKLA_CHROMIUM");
        Path path = Path.of(configured != null ? configured : "/usr/bin/chromium");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Browser tests need Chromium at " + path
                    + " (apt-get install -y chromium, or set TONKLA_CHROMIUM)");
        }
        return path;
    }

    /** A fresh page with its own cookies, Thai as the browser's language. */
    public Page newPage() {
        return browser.newContext(new NewContextOptions().setLocale("th-TH")).newPage();
    }

    /** A fresh page with its own cookies, Thai as the browser's language, at the given viewport size. */
    public Page newPage(int width, int height) {
        return browser.newContext(new NewContextOptions().setLocale("th-TH").setViewportSize(width, height)).newPage();
    }

    /** A fresh page signed in as a demo user ({@code tonkla-demo}) through the login form. */
    public Page signedIn(int port, String username) {
        return signIn(newPage(), port, username);
    }

    /** As {@link #signedIn(int, String)}, on a screen of the given size (390 × 844: a common phone). */
    public Page signedIn(int port, String username, int width, int height) {
        return signIn(newPage(width, height), port, username);
    }

    static Page signIn(Page page, int port, String username) {
        page.navigate("http://localhost:" + port + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill("tonkla-demo");
        page.locator("button[type=submit]").click();
        page.waitForURL("http://localhost:" + port + "/");
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
