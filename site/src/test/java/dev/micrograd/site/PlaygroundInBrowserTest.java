package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.web.Playground;
import dev.micrograd.web.Trainer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in Chromium, opened from the file system: the engine compiled to JavaScript gives the JVM's
 * answers bit for bit (the expected JSON is computed here, by the same Java code on the JVM), the page reacts
 * to typing and to a slider, shows a bad expression's message, trains the moons to 100%, and fetches nothing
 * from outside the site folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundInBrowserTest {
    private static final String L = "(a*b + c) * f";
    private static final String NEURON = "tanh(x1*w1 + x2*w2 + b)";

    private LoggingChrome chrome;
    private ChromeDriver driver;
    private String siteRoot;

    @BeforeAll
    void startBrowser() throws IOException {
        Browsers.Found found = Browsers.installed();
        siteRoot = Site.output().toUri().toString();
        chrome = LoggingChrome.start(found, "playground-chromium-");
        driver = chrome.driver();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        Files.createDirectories(Site.screenshots());
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(Site.output().resolve("playground.html").toUri().toString());
        waitFor("the first graph", "return (document.querySelector('#playground') || {}).getAttribute"
                + " && document.querySelector('#playground').getAttribute('data-drawn') !== null");
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chrome != null) {
            chrome.close();
        }
    }

    @Test
    void everyRequestStaysInTheSiteFolderAndTheConsoleIsQuiet() {
        List<String> problems = new ArrayList<>();
        List<String> requests = requests();
        assertTrue(requests.stream().anyMatch(url -> url.endsWith("/live/micrograd-engine.js")),
                "the engine's script was loaded: " + requests);
        for (String url : requests) {
            if (!url.startsWith(siteRoot) && !url.startsWith("data:") && !url.equals("about:blank")) {
                problems.add("request outside the site folder: " + url);
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add("console error: " + entry.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void evaluateGivesTheJvmsJsonForTheLExampleAndChapter3sNeuron() {
        Map<String, Double> l = values("a", 2.0, "b", -3.0, "c", 10.0, "f", -2.0);
        assertEquals(Playground.evaluate(L, l), browserEvaluate(L, l));
        Map<String, Double> neuron = values("x1", 2.0, "x2", 0.0, "w1", -3.0, "w2", 1.0, "b", 6.8813735870195432);
        assertSameUpToTanhsLastBit(Playground.evaluate(NEURON, neuron), browserEvaluate(NEURON, neuron));
        assertEquals(Playground.evaluate("log(x)", values("x", -1.0)), browserEvaluate("log(x)", values("x", -1.0)));
        assertEquals("{\"error\":\"log(x=-1) is not a number (NaN)\"}", browserEvaluate("log(x)", values("x", -1.0)));
        assertEquals(Playground.evaluate("exp(x)", values("x", 1000.0)), browserEvaluate("exp(x)", values("x", 1000.0)));
        assertEquals(Playground.evaluate("exp(x) * 0", values("x", 1000.0)),
                browserEvaluate("exp(x) * 0", values("x", 1000.0)));
    }

    /**
     * The same JSON, except that the numbers before the DOT text may differ by a few units in the last place: the
     * browser's tanh is fdlibm's, and JDK 24 and later compute the JVM's Math.tanh another way on x64.
     */
    private static void assertSameUpToTanhsLastBit(String jvm, String browser) {
        java.util.regex.Pattern number = java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");
        assertEquals(number.matcher(jvm).replaceAll("N"), number.matcher(browser).replaceAll("N"), browser);
        java.util.regex.Matcher a = number.matcher(jvm.substring(0, jvm.indexOf("\"dot\"")));
        java.util.regex.Matcher b = number.matcher(browser.substring(0, browser.indexOf("\"dot\"")));
        while (a.find()) {
            assertTrue(b.find(), browser);
            double x = Double.parseDouble(a.group());
            assertEquals(x, Double.parseDouble(b.group()), 4 * Math.ulp(x), jvm + "\n" + browser);
        }
        assertEquals(jvm.substring(jvm.indexOf("\"dot\"")), browser.substring(browser.indexOf("\"dot\"")));
    }

    @Test
    void numbersPrintAlikeInBothRuntimes() {
        // Arithmetic only (no exp, log or tanh, whose last bit the browser's Math may round otherwise): the
        // values, gradients and the DOT's four decimals of many numbers, ties of the fourth decimal included.
        Random random = new Random(11);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double x = i % 4 == 0 ? random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6)
                    : i % 4 == 1 ? Math.round(random.nextGaussian() * 1e5) / 1e5 + 0.00005
                    : i % 4 == 2 ? random.nextInt(2000) / 8.0 : random.nextDouble();
            double y = random.nextGaussian() * 100;
            Map<String, Double> v = values("x", x, "y", y);
            String expression = "x*y + x/y - (x - 3)^2 + relu(y)";
            String jvm = Playground.evaluate(expression, v);
            String browser = browserEvaluate(expression, v);
            if (!jvm.equals(browser)) {
                differences.add("x=" + x + ", y=" + y + ":\n  JVM     " + jvm + "\n  browser " + browser);
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void trainMoonsEndsOnTheJvmsLossAndAccuracy() {
        String jvm = Trainer.trainMoons(100);
        String browser = (String) driver.executeScript("return micrograd.trainMoons(100);");
        String jvmEnd = jvm.substring(0, jvm.indexOf(",\"msPerStep\""));
        assertTrue(browser.startsWith(jvmEnd + ",\"msPerStep\":"), "JVM " + jvm + "\nbrowser " + browser);
        assertTrue(jvmEnd.endsWith("\"accuracy\":1.0"), jvm);
    }

    @Test
    void typingAndASliderGiveTheJvmsNumbersAndABadExpressionItsMessage() throws IOException {
        WebElement playground = driver.findElement(By.id("playground"));
        WebElement box = playground.findElement(By.className("mg-expr"));
        box.clear();
        box.sendKeys("a +* b");
        WebElement error = playground.findElement(By.className("mg-error"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> error.isDisplayed());
        assertTrue(error.getText().endsWith("unexpected '*': expected a number, a name or '(' at column 4"),
                error.getText());
        assertTrue(error.getText().startsWith("a +* b\n   ^"), "a caret under column 4: " + error.getText());

        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        box.sendKeys(NEURON);
        for (Map.Entry<String, Double> v : values("x1", 2.0, "x2", 0.0, "w1", -3.0, "w2", 1.0,
                "b", 6.8813735870195432).entrySet()) {
            WebElement number = playground.findElement(By.cssSelector("input[type=number][data-name=" + v.getKey() + "]"));
            number.sendKeys(Keys.chord(Keys.CONTROL, "a"), v.getValue().toString());
        }
        assertTrue(!error.isDisplayed(), "the message is gone once the expression is right");
        assertGraphShows(NEURON, values("x1", 2.0, "x2", 0.0, "w1", -3.0, "w2", 1.0, "b", 6.8813735870195432));

        // Two presses of the right arrow move w1's slider two steps of 0.01.
        WebElement slider = playground.findElement(By.cssSelector("input[type=range][data-name=w1]"));
        slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        double w1 = Double.parseDouble(slider.getAttribute("value"));
        assertEquals(-2.98, w1, 1e-12);
        assertGraphShows(NEURON, values("x1", 2.0, "x2", 0.0, "w1", w1, "w2", 1.0, "b", 6.8813735870195432));
        driver.executeScript("arguments[0].scrollIntoView();", playground);
        screenshot("playground-neuron");

        playground.findElement(By.className("mg-step")).click();
        waitFor("the first backward step", "return document.querySelector('#playground .mg-caption').textContent"
                + ".startsWith('Step 1 of 6')");
        playground.findElement(By.className("mg-step")).click();
        waitFor("the second backward step", "return document.querySelector('#playground .mg-caption').textContent"
                + ".startsWith('Step 2 of 6: the \\'tanh\\' node')");
        waitFor("a highlighted node", "return !!document.querySelector('#playground svg [fill=\"#ffd966\"]')");
    }

    @Test
    void anExampleFromTheChaptersShowsTheJvmsGraph() {
        WebElement playground = driver.findElement(By.id("playground"));
        for (WebElement button : playground.findElements(By.className("mg-example"))) {
            if (button.getText().startsWith("tanh from exp")) {
                button.click();
            }
        }
        assertEquals("(exp(2*n) - 1) / (exp(2*n) + 1)", playground.findElement(By.className("mg-expr")).getAttribute("value"));
        assertGraphShows("(exp(2*n) - 1) / (exp(2*n) + 1)", values("n", 0.8813735870195432));
    }

    @Test
    void theTrainerReachesFullAccuracyOnTheMoons() throws IOException {
        WebElement trainer = driver.findElement(By.id("trainer"));
        driver.executeScript("arguments[0].scrollIntoView();", trainer);
        trainer.findElement(By.className("mg-run")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(200)).until(d ->
                    "1".equals(trainer.getAttribute("data-accuracy")));
        } finally {
            trainer.findElement(By.className("mg-run")).click();
        }
        String stats = trainer.findElement(By.className("mg-stats")).getText();
        assertTrue(stats.matches("step \\d+, loss [0-9.]+, accuracy 100%, \\d+ graph nodes per step, [0-9.]+ ms per step"),
                stats);
        screenshot("playground-trainer");
    }

    @Test
    void aClickAddsAPointAndAnotherDataSetTrains() {
        WebElement trainer = driver.findElement(By.id("trainer"));
        driver.executeScript("arguments[0].scrollIntoView();", trainer);
        org.openqa.selenium.support.ui.Select dataset = new org.openqa.selenium.support.ui.Select(
                trainer.findElement(By.cssSelector("select[aria-label='data set']")));
        dataset.selectByValue("circles");
        trainer.findElement(By.className("mg-train-reset")).click();
        long before = (Long) driver.executeScript("return micrograd.trainer.points().length;");
        assertEquals(100, before);
        trainer.findElement(By.className("mg-plane")).click();
        assertEquals(101L, driver.executeScript("return micrograd.trainer.points().length;"), "a click adds a point");
        trainer.findElement(By.className("mg-train-step")).click();
        assertEquals("1", trainer.getAttribute("data-steps"));
        String stats = trainer.findElement(By.className("mg-stats")).getText();
        assertTrue(stats.startsWith("step 1, loss "), stats);
        dataset.selectByValue("moons");
        trainer.findElement(By.className("mg-train-reset")).click();
    }

    /** The graph on the page shows each variable's data and grad as the JVM's DOT writes them. */
    private void assertGraphShows(String expression, Map<String, Double> values) {
        String dot = Playground.evaluate(expression, values);
        List<String> expected = new ArrayList<>();
        for (String line : dot.split("\\\\n")) {
            if (line.contains("shape=record")) {
                String label = line.substring(line.indexOf("{ ") + 2, line.lastIndexOf(" }"));
                for (String part : label.split(" \\| ")) {
                    if (!part.isBlank()) {
                        expected.add(part.trim());
                    }
                }
            }
        }
        String js = "const want = arguments[0];"
                + "const got = Array.from(document.querySelectorAll('#playground .mg-graph svg text')).map(t => t.textContent);"
                + "return want.filter(w => !got.includes(w));";
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                    .until(d -> ((List<?>) driver.executeScript(js, expected)).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(List.of(), driver.executeScript(js, expected), "texts missing from the drawn graph");
        }
    }

    private String browserEvaluate(String expression, Map<String, Double> values) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Double> v : values.entrySet()) {
            json.append(json.length() > 1 ? "," : "").append('"').append(v.getKey()).append("\":").append(v.getValue());
        }
        return (String) driver.executeScript("return micrograd.evaluate(arguments[0], JSON.parse(arguments[1]));",
                expression, json.append('}').toString());
    }

    private static Map<String, Double> values(Object... pairs) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return values;
    }

    private void waitFor(String what, String script) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50))
                    .until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(script)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the playground did not show " + what + " within 20 s", e);
        }
    }

    private List<String> requests() {
        List<String> urls = new ArrayList<>();
        Json json = new Json();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = map(map(json.toType(entry.getMessage(), Json.MAP_TYPE)).get("message"));
            Map<String, Object> params = map(message.get("params"));
            // Only the playground's own requests: the browser's start page loads chrome:// files of its own.
            if ("Network.requestWillBeSent".equals(message.get("method"))
                    && String.valueOf(params.get("documentURL")).startsWith(siteRoot)) {
                urls.add(String.valueOf(map(params.get("request")).get("url")));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> resources = (List<Object>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        resources.forEach(r -> urls.add(String.valueOf(r)));
        return urls;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return json == null ? Map.of() : (Map<String, Object>) json;
    }

    private void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.move(shot.toPath(), Site.screenshots().resolve(name.toLowerCase(Locale.ROOT) + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
