package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.launcher.BrowserSearch;
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
 * The playground in Chromium, opened from the file system: the engine compiled to WebAssembly (which the page uses
 * here) and to JavaScript both give the JVM's answers bit for bit (the expected JSON is computed here, by the same
 * Java code on the JVM), the page reacts to typing and to a slider, shows a bad expression's message, survives
 * names, sizes and settings that used to break it, trains the moons to 100%, and fetches nothing from outside the
 * site folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundInBrowserTest {
    private static final String L = "(a*b + c) * f";
    private static final String NEURON = "tanh(x1*w1 + x2*w2 + b)";
    /** The two builds of the engine on the page: the one it chose (WebAssembly in Chromium) and the JavaScript one. */
    private static final List<String> ENGINES = List.of("micrograd", "micrograd.javascript");

    private LoggingChrome chrome;
    private ChromeDriver driver;
    private String siteRoot;

    @BeforeAll
    void startBrowser() throws IOException {
        BrowserSearch.Found found = Browsers.installed();
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
            if (!url.startsWith(siteRoot) && !url.startsWith("data:") && !url.startsWith("blob:")
                    && !url.equals("about:blank")) {
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
    void chromiumRunsTheWebAssemblyBuildAndThePlaygroundLoadsNoMaths() {
        assertEquals("webassembly", driver.executeScript("return micrograd.engine;"));
        assertEquals("javascript", driver.executeScript("return micrograd.javascript.engine;"));
        List<String> katex = requests().stream().filter(url -> url.contains("katex")).toList();
        assertEquals(List.of(), katex, "the playground has no maths, so it loads no KaTeX");
    }

    @Test
    void evaluateGivesTheJvmsJsonForTheLExampleAndChapter3sNeuron() {
        for (String engine : ENGINES) {
            evaluateGivesTheJvmsJson(engine);
        }
    }

    private void evaluateGivesTheJvmsJson(String engine) {
        Map<String, Double> l = values("a", 2.0, "b", -3.0, "c", 10.0, "f", -2.0);
        assertEquals(Playground.evaluate(L, l), browserEvaluate(engine, L, l));
        Map<String, Double> neuron = values("x1", 2.0, "x2", 0.0, "w1", -3.0, "w2", 1.0, "b", 6.8813735870195432);
        assertSameUpToTanhsLastBit(Playground.evaluate(NEURON, neuron), browserEvaluate(engine, NEURON, neuron));
        assertEquals(Playground.evaluate("log(x)", values("x", -1.0)), browserEvaluate(engine, "log(x)", values("x", -1.0)));
        assertEquals("{\"error\":\"log(x=-1) is not a number (NaN)\"}", browserEvaluate(engine, "log(x)", values("x", -1.0)));
        assertEquals(Playground.evaluate("exp(x)", values("x", 1000.0)), browserEvaluate(engine, "exp(x)", values("x", 1000.0)));
        assertEquals(Playground.evaluate("exp(x) * 0", values("x", 1000.0)),
                browserEvaluate(engine, "exp(x) * 0", values("x", 1000.0)));
    }

    /**
     * The same JSON, except that the numbers before the DOT text may differ by a few units in the last place: the
     * browser builds compute tanh from exp (TeaVM's class library), which gives the bits of the JVM's Math.tanh here
     * on JDK 17 to 23, while JDK 24 and later compute Math.tanh another way on x64.
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
            for (String engine : ENGINES) {
                String browser = browserEvaluate(engine, expression, v);
                if (!jvm.equals(browser)) {
                    differences.add(engine + ", x=" + x + ", y=" + y + ":\n  JVM     " + jvm + "\n  browser " + browser);
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void trainMoonsEndsOnTheJvmsLossAndAccuracy() {
        String jvm = Trainer.trainMoons(100);
        String jvmEnd = jvm.substring(0, jvm.indexOf(",\"msPerStep\""));
        assertTrue(jvmEnd.endsWith("\"accuracy\":1.0"), jvm);
        for (String engine : ENGINES) {
            String browser = (String) driver.executeScript("return " + engine + ".trainMoons(100);");
            assertTrue(browser.startsWith(jvmEnd + ",\"msPerStep\":"), engine + ": JVM " + jvm + "\nbrowser " + browser);
        }
    }

    @Test
    void typingAndASliderGiveTheJvmsNumbersAndABadExpressionItsMessage() throws IOException {
        WebElement playground = driver.findElement(By.id("playground"));
        WebElement box = playground.findElement(By.className("mg-expr"));
        box.clear();
        WebElement error = playground.findElement(By.className("mg-status"));
        int height = error.getSize().getHeight();
        box.sendKeys("a +* b");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> playground.getAttribute("data-error") != null);
        assertTrue(error.getText().endsWith("unexpected '*': expected a number, a name or '(' at column 4"),
                error.getText());
        assertTrue(error.getText().startsWith("a +* b\n   ^"), "a caret under column 4: " + error.getText());
        assertEquals(height, error.getSize().getHeight(), "the status line keeps its height");
        assertEquals(List.of("mg-stale", "mg-stale", "mg-stale"), driver.executeScript("return ['.mg-graph', '.mg-caption',"
                + " '.mg-table-box'].map(s => document.querySelector('#playground ' + s).classList.contains('mg-stale')"
                + " ? 'mg-stale' : 'fresh');"), "the old results are dimmed");

        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        box.sendKeys(NEURON);
        for (Map.Entry<String, Double> v : values("x1", 2.0, "x2", 0.0, "w1", -3.0, "w2", 1.0,
                "b", 6.8813735870195432).entrySet()) {
            WebElement number = playground.findElement(By.cssSelector("input[type=number][data-name=" + v.getKey() + "]"));
            number.sendKeys(Keys.chord(Keys.CONTROL, "a"), v.getValue().toString());
        }
        assertEquals(null, playground.getAttribute("data-error"), "the message is gone once the expression is right");
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
        assertTrue(stats.matches("step \\d+, loss [0-9.]+, accuracy 100%, [0-9,]+ graph nodes per step; training [0-9.]+ ms"
                + " a step"), stats);
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

    @Test
    void everyNameTheGrammarAcceptsIsJustAName() {
        for (String name : List.of("constructor", "toString", "valueOf", "hasOwnProperty", "__proto__")) {
            String expression = name + " * 2 + " + name;
            Map<String, Double> v = values(name, 1.5);
            for (String engine : ENGINES) {
                assertEquals(Playground.evaluate(expression, v), browserEvaluate(engine, expression, v), engine);
            }
            type(expression);
            waitFor("the gradient of " + name, "return Array.from(document.querySelectorAll('#playground .mg-grads td'))"
                    + ".map(t => t.textContent).join(' ') === '" + name + " 1.0000 3.000000'");
            assertEquals(null, driver.findElement(By.id("playground")).getAttribute("data-error"));
        }
    }

    @Test
    void aGraphOfTwoThousandNodesIsDrawnAndALargerOneSaysWhyNot() {
        String expression = products(500);
        Map<String, Double> v = productValues(500);
        String jvm = Playground.evaluate(expression, v);
        int nodes = jvm.split("shape=", -1).length - 1;
        assertTrue(nodes >= 2000 && nodes <= Playground.MAX_DRAWN_NODES, "nodes " + nodes);
        type(expression);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(200)).until(d -> ((Long) driver
                    .executeScript("return document.querySelectorAll('#playground .mg-graph svg g.node').length;"))
                    .intValue() == nodes);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the graph of " + nodes + " nodes was not drawn: " + driver.executeScript(
                    "return document.querySelector('#playground .mg-graph').textContent.slice(0, 300);"), e);
        }
        type(products(1000));
        waitFor("the size of a graph too large to draw", "return document.querySelector('#playground .mg-graph')"
                + ".textContent.startsWith('This graph has 5,998 nodes; the playground draws graphs of up to 4,000 nodes')");
    }

    @Test
    void steppingBackThroughAThousandProductsShowsEachFramesGradients() {
        String expression = products(1000);
        Map<String, Double> v = productValues(1000);
        type(expression);
        WebElement playground = driver.findElement(By.id("playground"));
        for (int step = 1; step <= 3; step++) {
            playground.findElement(By.className("mg-step")).click();
            waitFor("step " + step, "return document.querySelector('#playground .mg-caption').textContent"
                    + ".startsWith('Step " + step + " of 2000: ')");
            String frame = Playground.backwardFrame(expression, v, step - 1, false);
            String grads = frame.substring(frame.indexOf("\"grads\":{") + 9, frame.indexOf('}', frame.indexOf("\"grads\":{")));
            StringBuilder expected = new StringBuilder();
            for (String pair : grads.split(",")) {
                String[] kv = pair.split(":");
                expected.append(expected.length() == 0 ? "" : " ").append(kv[0].replace("\"", "")).append('=')
                        .append(String.format(Locale.ROOT, "%.6f", Double.parseDouble(kv[1])));
            }
            assertEquals(expected.toString(), driver.executeScript("return Array.from(document.querySelectorAll("
                    + "'#playground .mg-grads tr')).slice(1).map(r => r.cells[0].textContent + '=' + r.cells[2].textContent)"
                    + ".join(' ');"), "the table shows the gradients of step " + step);
        }
        playground.findElement(By.className("mg-backward")).click();
    }

    @Test
    void longOrDeepInputGetsAShortMessageAndNeverWidensThePage() {
        WebElement playground = driver.findElement(By.id("playground"));
        WebElement status = playground.findElement(By.className("mg-status"));
        int height = status.getSize().getHeight();
        type("a" + "+a".repeat(50_000));
        waitFor("the length limit", "return (document.querySelector('#playground').getAttribute('data-error') || '')"
                + ".startsWith('the expression is 100001 characters long; the playground reads at most 50000')");
        assertEquals(height, status.getSize().getHeight());
        type("(".repeat(10_000) + "x");
        waitFor("the depth limit", "return (document.querySelector('#playground').getAttribute('data-error') || '')"
                + ".startsWith('the expression is nested more than 100 levels deep')");
        assertEquals(height, status.getSize().getHeight(), "10,000 parentheses: " + status.getText());
        assertTrue(status.getText().startsWith("\u2026(((") || status.getText().startsWith("((("), status.getText());
        type("x".repeat(40_000) + " * 2");
        waitFor("the long name's gradient", "return document.querySelector('#playground').getAttribute('data-error') === null"
                + " && document.querySelector('#playground .mg-caption').textContent.startsWith('value 2.000000')");
        assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth"
                + " <= document.documentElement.clientWidth;"), "a 40,000-character name does not widen the page");
        type(L);
    }

    @Test
    void settingsThatWouldFreezeThePageAreRefusedAndNothingTrains() {
        WebElement trainer = driver.findElement(By.id("trainer"));
        WebElement points = trainer.findElement(By.cssSelector(".mg-controls input[type=number][max='300']"));
        WebElement hidden = trainer.findElement(By.cssSelector(".mg-controls input[type=text]"));
        WebElement error = trainer.findElement(By.className("mg-trainer-error"));
        WebElement plane = trainer.findElement(By.className("mg-plane"));
        int planeTop = plane.getLocation().getY();
        points.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3000");
        trainer.findElement(By.className("mg-train-reset")).click();
        assertEquals("points: a whole number from 4 to 300, got 3000", error.getText());
        assertEquals(planeTop, plane.getLocation().getY(), "the message takes the place kept for it: the plane stays put");
        trainer.findElement(By.className("mg-run")).click();
        trainer.findElement(By.className("mg-train-step")).click();
        assertEquals("run", trainer.findElement(By.className("mg-run")).getText(), "a failed reset stops training");
        assertEquals("0", trainer.getAttribute("data-steps"));
        points.sendKeys(Keys.chord(Keys.CONTROL, "a"), "100");
        hidden.sendKeys(Keys.chord(Keys.CONTROL, "a"), "64,64,64,64,64,64,64,64");
        trainer.findElement(By.className("mg-train-reset")).click();
        assertEquals("hidden layers: at most 4, got 8", error.getText());
        hidden.sendKeys(Keys.chord(Keys.CONTROL, "a"), "64,64,64");
        trainer.findElement(By.className("mg-train-reset")).click();
        assertTrue(error.getText().startsWith("this network on 100 points would build about 1,760,831 graph nodes a step"),
                error.getText());
        hidden.sendKeys(Keys.chord(Keys.CONTROL, "a"), "16,16");
        trainer.findElement(By.className("mg-train-reset")).click();
        assertTrue(!error.isDisplayed(), error.getText());
        trainer.findElement(By.className("mg-train-step")).click();
        assertEquals("1", trainer.getAttribute("data-steps"));
        trainer.findElement(By.className("mg-train-reset")).click();
    }

    @Test
    void aPointCanBeAddedFromTheKeyboard() {
        WebElement trainer = driver.findElement(By.id("trainer"));
        trainer.findElement(By.className("mg-train-reset")).click();
        WebElement plane = trainer.findElement(By.className("mg-plane"));
        driver.executeScript("arguments[0].focus();", plane);
        long before = (Long) driver.executeScript("return micrograd.trainer.points().length;");
        plane.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_UP, Keys.ENTER);
        @SuppressWarnings("unchecked")
        List<Object> added = (List<Object>) driver.executeScript("return micrograd.trainer.points().slice(-1)[0];");
        assertEquals(before + 1, driver.executeScript("return micrograd.trainer.points().length;"));
        // The cross starts at the plane's centre, (0.5, 0.25) for the moons, and moves 0.05 a key press.
        assertEquals(0.6, ((Number) added.get(0)).doubleValue(), 1e-9);
        assertEquals(0.3, ((Number) added.get(1)).doubleValue(), 1e-9);
        trainer.findElement(By.className("mg-train-reset")).click();
    }

    @Test
    void theLecturesTwoBugsCanBeSwitchedOn() {
        WebElement playground = driver.findElement(By.id("playground"));
        for (WebElement button : playground.findElements(By.className("mg-example"))) {
            if (button.getText().startsWith("a + a")) {
                button.click();
            }
        }
        String grad = "return document.querySelector('#playground .mg-grads tr:nth-child(2) td:nth-child(3)').textContent;";
        waitFor("a + a", "return document.querySelector('#playground .mg-expr').value === 'a + a';");
        assertEquals("2.000000", driver.executeScript(grad));
        playground.findElement(By.className("mg-assign")).click();
        assertEquals("1.000000", driver.executeScript(grad), "with '=' the second assignment wins");
        playground.findElement(By.className("mg-assign")).click();
        assertEquals("2.000000", driver.executeScript(grad));

        WebElement trainer = driver.findElement(By.id("trainer"));
        trainer.findElement(By.className("mg-train-reset")).click();
        trainer.findElement(By.className("mg-zero-grad")).click();
        for (int i = 0; i < 3; i++) {
            trainer.findElement(By.className("mg-train-step")).click();
        }
        Trainer forgetful = Trainer.chapter8();
        Trainer right = Trainer.chapter8();
        double forgetfulLoss = 0;
        double rightLoss = 0;
        for (int k = 0; k < 3; k++) {
            forgetfulLoss = forgetful.step(Trainer.learningRate(k), false).loss().data();
            rightLoss = right.step(Trainer.learningRate(k)).loss().data();
        }
        assertEquals(forgetfulLoss, Double.parseDouble(trainer.getAttribute("data-loss")));
        assertTrue(forgetfulLoss != rightLoss, forgetfulLoss + " " + rightLoss);
        trainer.findElement(By.className("mg-zero-grad")).click();
        trainer.findElement(By.className("mg-train-reset")).click();
    }

    @Test
    void onAPhoneEveryControlIsAtLeast44PixelsAndNothingIsWiderThanTheScreen() throws IOException {
        org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            type(NEURON);
            waitFor("the neuron", "return document.querySelector('#playground .mg-caption').textContent"
                    + ".startsWith('value ')");
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
                    + "'.mg-live button, .mg-live select, .mg-live input:not([type=checkbox]), .mg-live .mg-toggle,"
                    + " .mg-live .mg-field')).filter(e => e.getBoundingClientRect().height < 44)"
                    + ".map(e => e.outerHTML.slice(0, 80));");
            assertEquals(List.of(), small, "controls under 44 px tall on a 390 px screen");
            assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth"
                    + " <= document.documentElement.clientWidth;"), "the page is no wider than the screen");
            assertEquals(Boolean.TRUE, driver.executeScript("const c = document.querySelector('#trainer .mg-plane');"
                    + " return c.width === Math.round(400 * devicePixelRatio);"), "the plane's pixels follow the screen's");
            driver.executeScript("document.querySelector('#playground').scrollIntoView();");
            screenshot("playground-390");
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    /** Puts the expression in the box at once, as a paste does, with the playground back in backward() mode. */
    private void type(String expression) {
        driver.executeScript("const box = document.querySelector('#playground .mg-expr'); box.value = arguments[0];"
                + " document.querySelector('#playground .mg-backward').click();", expression);
    }

    private static String products(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " + ").append("a").append(i).append("*b").append(i);
        }
        return s.toString();
    }

    /** The values the page gives new names: 1. */
    private static Map<String, Double> productValues(int n) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            v.put("a" + i, 1.0);
            v.put("b" + i, 1.0);
        }
        return v;
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
        return browserEvaluate("micrograd", expression, values);
    }

    private String browserEvaluate(String engine, String expression, Map<String, Double> values) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Double> v : values.entrySet()) {
            json.append(json.length() > 1 ? "," : "").append('"').append(v.getKey()).append("\":").append(v.getValue());
        }
        return (String) driver.executeScript("return " + engine + ".evaluate(arguments[0], JSON.parse(arguments[1]));",
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
