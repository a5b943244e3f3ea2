package dev.micrograd.site;

import dev.micrograd.launcher.BrowserSearch;
import dev.micrograd.web.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Measures the README's figures for the live site, once, side by side on one machine: chapter 8's step time in
 * Chromium and on the JVM, the playground's latency from a slider move or keystroke to the redrawn graph, and the
 * weight of the files a page loads. Not a test: run it by hand after building the site (see the README).
 */
public final class LiveBenchmark {
    private LiveBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path site = Path.of(args.length > 0 ? args[0] : "site/target/site").toAbsolutePath().normalize();
        System.setProperty("site.output", site.toString());
        BrowserSearch.Found found = Browsers.installed();
        Path profile = Files.createTempDirectory("benchmark-chromium-");
        ChromeDriver driver = new ChromeDriver(Browsers.service(found), Browsers.options(found, profile));
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
            driver.get(site.resolve("playground.html").toUri().toString());
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    driver.executeScript("return document.querySelector('#playground').getAttribute('data-drawn')") != null);

            // Chapter 8 from a fresh start, several times each: the median of the warm runs.
            List<Double> browserRuns = new ArrayList<>();
            List<Double> jvmRuns = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                browserRuns.add(msPerStep((String) driver.executeScript("return micrograd.trainMoons(100);")));
            }
            for (int i = 0; i < 20; i++) {
                jvmRuns.add(msPerStep(Trainer.trainMoons(100)));
            }
            double browserMs = median(browserRuns.subList(2, browserRuns.size()));
            double jvmMs = median(jvmRuns.subList(10, jvmRuns.size()));
            System.out.printf(Locale.ROOT, "two-moons step (2-16-16-1, 100 points): Chromium JS %.1f ms, JVM %.2f ms,"
                    + " ratio %.1f%n", browserMs, jvmMs, browserMs / jvmMs);

            // Chapter 3's neuron in the playground: slider moves and keystrokes until the graph is redrawn.
            WebElement box = driver.findElement(By.cssSelector("#playground .mg-expr"));
            box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "tanh(x1*w1 + x2*w2 + b)");
            WebElement slider = driver.findElement(By.cssSelector("#playground input[type=range][data-name=w1]"));
            List<Double> slides = new ArrayList<>();
            List<Double> keys = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                boolean forth = i % 2 == 0;
                slides.add(latency(driver, () -> slider.sendKeys(forth ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT)));
                keys.add(latency(driver, () -> box.sendKeys(forth ? " " : Keys.BACK_SPACE)));
            }
            System.out.printf(Locale.ROOT, "ch03 neuron, input to graph drawn: slider median %.0f ms (max %.0f),"
                    + " keystroke median %.0f ms (max %.0f)%n", median(slides), Collections.max(slides),
                    median(keys), Collections.max(keys));

            for (String[] group : new String[][] {
                {"engine (TeaVM JS)", "live/micrograd-engine.js"},
                {"viz.js + lite.render.js", "live/viz/viz.js", "live/viz/lite.render.js"},
                {"page (HTML, live.js, micrograd.js, live.css)", "playground.html", "live/live.js", "live/micrograd.js",
                    "live/live.css"}}) {
                long raw = 0;
                long gz = 0;
                for (int i = 1; i < group.length; i++) {
                    byte[] bytes = Files.readAllBytes(site.resolve(group[i]));
                    raw += bytes.length;
                    gz += gzip(bytes);
                }
                System.out.printf(Locale.ROOT, "%s: %d KB, %d KB gzip%n", group[0], raw / 1024, gz / 1024);
            }
        } finally {
            driver.quit();
            LoggingChrome.deleteTree(profile);
        }
    }

    private static double latency(ChromeDriver driver, Runnable input) {
        long before = drawn(driver);
        input.run();
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(5)).until(d -> drawn(driver) > before);
        return Double.parseDouble((String) driver.executeScript(
                "return document.querySelector('#playground').getAttribute('data-latency');"));
    }

    private static long drawn(ChromeDriver driver) {
        return Long.parseLong((String) driver.executeScript(
                "return document.querySelector('#playground').getAttribute('data-drawn') || '0';"));
    }

    private static double msPerStep(String json) {
        return Double.parseDouble(json.substring(json.indexOf("\"msPerStep\":") + 12, json.length() - 1));
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.size();
    }
}
