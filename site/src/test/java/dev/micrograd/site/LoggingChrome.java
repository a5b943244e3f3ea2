package dev.micrograd.site;

import dev.micrograd.launcher.BrowserSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chrome or Chromium for one test class, with the console and network logs on (the tests read every
 * request and every console error from them) and a profile folder of its own that {@link #close} removes.
 */
final class LoggingChrome implements AutoCloseable {
    private final Path profile;
    private final ChromeDriver driver;

    private LoggingChrome(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts the found browser on a fresh profile in a temporary folder whose name starts with {@code prefix}. */
    static LoggingChrome start(BrowserSearch.Found found, String prefix) throws IOException {
        Path profile = Files.createTempDirectory(prefix);
        ChromeOptions options = Browsers.options(found, profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(Browsers.service(found), options);
        } catch (RuntimeException e) {
            try {
                deleteTree(profile);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new LoggingChrome(profile, driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Quits the browser and removes its profile, even when quitting fails. */
    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path file : deepestFirst) {
                Files.deleteIfExists(file);
            }
        }
    }
}
