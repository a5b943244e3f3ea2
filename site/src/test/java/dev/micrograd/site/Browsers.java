package dev.micrograd.site;

import dev.micrograd.launcher.BrowserSearch;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Chrome or Chromium for the tests that open the site in a browser. The search itself is the launcher's
 * {@link BrowserSearch}, which run-tests also uses, so that both agree on what counts as a browser; this class adds
 * how the tests start it.
 */
public final class Browsers {
    /** The flags every test browser gets: headless, and quiet on a closed network. */
    public static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000");

    private Browsers() {
    }

    /** Finds a browser and driver on this machine, or throws {@link BrowserSearch.NotFound} saying what to do. */
    public static BrowserSearch.Found installed() {
        return BrowserSearch.installed();
    }

    /** Options for a headless browser with a profile of its own, ready for {@code new ChromeDriver(service, options)}. */
    public static ChromeOptions options(BrowserSearch.Found found, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(found.browser()));
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        return options;
    }

    /** A driver service that runs the found chromedriver and discards its log. */
    public static ChromeDriverService service(BrowserSearch.Found found) {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(found.driver()))
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
    }
}
