package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.launcher.BrowserSearch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeOptions;

/** How the tests start the browser the launcher's search found. */
class BrowsersTest {
    @Test
    void optionsRunTheFoundBrowserHeadlessAndQuiet() {
        ChromeOptions options = Browsers.options(new BrowserSearch.Found("/usr/bin/chromium", "/usr/bin/chromedriver"),
                Path.of("/tmp/profile"));
        @SuppressWarnings("unchecked")
        Map<String, Object> chrome = (Map<String, Object>) options.asMap().get("goog:chromeOptions");
        assertEquals("/usr/bin/chromium", chrome.get("binary"));
        @SuppressWarnings("unchecked")
        List<String> args = (List<String>) chrome.get("args");
        assertTrue(args.containsAll(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Path.of("/tmp/profile"))), args.toString());
    }
}
