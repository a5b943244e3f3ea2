package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.micrograd.launcher.BrowserSearch;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens every page of the built site in headless Chromium, as a reader would from disk, and checks
 * what only a browser can tell: pictures load, math renders, nothing is fetched from outside the site,
 * no errors, the chapter links lead to pages, a phone-width screen needs no sideways scrolling, no markup
 * is left unconverted, graph text is big enough to read, and axe-core finds no serious accessibility problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteInBrowserTest {
    private static final int PHONE_WIDTH = 390;
    private static final int DESKTOP_WIDTH = 1280;
    /** The smallest graph text, in CSS pixels, on a desktop screen and on a phone. */
    private static final double DESKTOP_TEXT = 10;
    private static final double PHONE_TEXT = 8;
    private static final String FAILED = "failed: ";

    /** Text nodes outside code and rendered math that still hold LaTeX, which means KaTeX did not typeset them. */
    private static final String RAW_MATH = "const out = [];"
            + "const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "while (walk.nextNode()) { const n = walk.currentNode;"
            + "  if (n.parentElement.closest('pre, code, script, style, .katex')) continue;"
            + "  if (/\\\\\\(|\\\\\\[|\\\\frac|\\\\partial|\\\\tanh/.test(n.textContent)) out.push(n.textContent.trim()); }"
            + "return out;";
    private static final String BROKEN_IMAGES = "return Array.from(document.images)"
            + ".filter(i => !(i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 0))"
            + ".map(i => i.getAttribute('src'))"
            + ".concat(Array.from(document.querySelectorAll('svg')).filter(s => !s.closest('.katex'))"
            + "  .filter(s => { const r = s.getBoundingClientRect(); return r.width === 0 || r.height === 0; })"
            + "  .map(s => 'inline svg ' + (s.id || s.getAttribute('class') || '')));";
    /** Elements sticking out of the viewport whose overflow no scrolling box catches. */
    private static final String OVERFLOW = "const w = document.documentElement.clientWidth;"
            + "if (document.documentElement.scrollWidth <= w + 1) return [];"
            + "return Array.from(document.querySelectorAll('body *')).filter(e => {"
            + "  if (e.getBoundingClientRect().right <= w + 1) return false;"
            + "  for (let p = e.parentElement; p; p = p.parentElement) {"
            + "    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return false; }"
            + "  return true; }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')"
            + "  + ' right=' + Math.round(e.getBoundingClientRect().right));";

    private LoggingChrome chrome;
    private ChromeDriver driver;
    private String siteRoot;

    @BeforeAll
    void startBrowser() throws IOException {
        BrowserSearch.Found browser;
        try {
            browser = Browsers.installed();
        } catch (BrowserSearch.NotFound e) {
            fail(e.getMessage());
            return;
        }
        siteRoot = Site.output().toUri().toString();
        chrome = LoggingChrome.start(browser, "site-chromium-");
        driver = chrome.driver();
        Files.createDirectories(Site.screenshots());
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chrome != null) {
            chrome.close();
        }
    }

    static List<Path> pages() {
        return Site.pages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageLoadsCompletelyFromTheSiteFolder(Path page) {
        List<String> requests = open(page);
        List<String> problems = new ArrayList<>();

        if (requests.stream().noneMatch(url -> url.endsWith("/theme/site.css"))) {
            problems.add("no request for theme/site.css was seen, so the request log is not working: " + requests);
        }
        for (String url : requests) {
            if (url.startsWith(FAILED)) {
                problems.add("a request failed: " + url.substring(FAILED.length()));
            } else if (!url.startsWith(siteRoot) && !url.startsWith("data:") && !url.startsWith("blob:")
                    && !url.equals("about:blank")) {
                problems.add("request outside the site folder: " + url);
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add("console error: " + entry.getMessage());
            }
        }
        problems.addAll(script(BROKEN_IMAGES).stream().map(src -> "image not shown: " + src).collect(Collectors.toList()));
        problems.addAll(script(RAW_MATH).stream().map(raw -> "math left as LaTeX: " + raw).collect(Collectors.toList()));
        long math = (Long) driver.executeScript("return document.querySelectorAll('.stemblock, .katex').length");
        String html = Site.read(Site.output().resolve(page));
        boolean loadsKatex = requests.stream().anyMatch(url -> url.endsWith("/katex/katex.min.js"));
        if ((html.contains("\\(") || html.contains("\\[")) && math == 0) {
            problems.add("the page has math but KaTeX rendered none of it");
        }
        if (loadsKatex && math == 0) {
            problems.add("the page loads KaTeX but has no math");
        }
        boolean drawsGraphs = (Boolean) driver.executeScript("return !!document.querySelector('.mg-playground')");
        if (!drawsGraphs && requests.stream().anyMatch(url -> url.contains("/live/viz/"))) {
            problems.add("the page loads the graph drawer (live/viz) but has no live graph");
        }
        for (Map.Entry<String, String> link : navLinks().entrySet()) {
            if (!link.getValue().startsWith(siteRoot) || !Files.isRegularFile(Path.of(URI.create(link.getValue())))) {
                problems.add("the " + link.getKey() + " link leads nowhere: " + link.getValue());
            }
        }
        screenshot(page, "");
        assertEquals(List.of(), problems, page + " in the browser");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageFitsAPhoneScreen(Path page) {
        onPhone(() -> {
            open(page);
            List<String> overflow = script(OVERFLOW);
            screenshot(page, "-phone");
            assertEquals(List.of(), overflow, page + " is wider than a " + PHONE_WIDTH + " px screen");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageShowsNoMarkupLeftovers(Path page) {
        open(page);
        assertEquals(List.of(), script(ReadersView.MARKUP_LEFTOVERS), page + " shows markup instead of what it means");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void graphTextIsBigEnoughToRead(Path page) {
        List<String> problems = new ArrayList<>();
        open(page);
        problems.addAll(prefixed(DESKTOP_WIDTH + " px: ", ReadersView.smallGraphs(graphs(), DESKTOP_TEXT)));
        onPhone(() -> {
            open(page);
            problems.addAll(prefixed(PHONE_WIDTH + " px: ", ReadersView.smallGraphs(graphs(), PHONE_TEXT)));
        });
        assertEquals(List.of(), problems, page + " has graphs too small to read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void axeFindsNoSeriousProblem(Path page) {
        List<String> problems = new ArrayList<>();
        open(page);
        problems.addAll(prefixed(DESKTOP_WIDTH + " px: ", axe()));
        onPhone(() -> {
            open(page);
            problems.addAll(prefixed(PHONE_WIDTH + " px: ", axe()));
        });
        assertEquals(List.of(), problems, page + ": axe-core " + "found serious or critical accessibility problems");
    }

    private List<String> axe() {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) driver.executeAsyncScript(ReadersView.axeRun());
        return found.stream().map(String::valueOf).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> graphs() {
        return (List<Map<String, Object>>) driver.executeScript(ReadersView.GRAPHS);
    }

    private static List<String> prefixed(String prefix, List<String> lines) {
        return lines.stream().map(line -> prefix + line).collect(Collectors.toList());
    }

    /** Runs {@code check} with the window emulating a phone's screen, then goes back to the desktop size. */
    private void onPhone(Runnable check) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            check.run();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * For chapter 4's live figure: the caption, each variable's gradient in the table and in the graph, and whether the
     * highlighted node and its operation are in view (or, wider than the box, centred in it).
     */
    private static final String STEP_FRAME = "const f = document.querySelector('.mg-playground[data-mode=steps]');"
            + "const table = {}; f.querySelectorAll('table.mg-grads tr').forEach(r => { const c = r.querySelectorAll('td');"
            + "  if (c.length >= 3) table[c[0].textContent] = +c[2].textContent; });"
            + "const graph = {}; f.querySelectorAll('.mg-graph g.node').forEach(n => { const t = Array.from(n.querySelectorAll('text'))"
            + "  .map(x => x.textContent.trim()); const g = t.find(x => x.startsWith('grad '));"
            + "  if (g && t[0] in table) graph[t[0]] = +g.slice(5); });"
            + "const box = f.querySelector('.mg-graph').getBoundingClientRect();"
            + "const marks = Array.from(f.querySelectorAll('.mg-graph .node [fill=\"#ffd966\"]')).map(m => m.getBoundingClientRect());"
            + "const left = Math.min(...marks.map(r => r.left)), right = Math.max(...marks.map(r => r.right));"
            + "return {caption: f.querySelector('.mg-caption').textContent, table: table, graph: graph,"
            + "  inView: marks.length === 2 && (right - left <= box.width"
            + "    ? left >= box.left - 1 && right <= box.right + 1 : Math.abs((left + right) / 2 - (box.left + box.right) / 2) < 2),"
            + "  place: JSON.stringify([box.left, box.right, marks.map(r => [r.left, r.right])]), drawn: f.getAttribute('data-drawn')};";

    @Test
    void chapter4StepsShowTheGradientsOfTheirFrameWithTheActiveNodeInView() {
        List<String> problems = new ArrayList<>();
        for (boolean phone : new boolean[] {false, true}) {
            Runnable check = () -> {
                open(Path.of("ch04.html"));
                for (int step = 1; step <= 6; step++) {
                    if (step > 1) {
                        String drawn = String.valueOf(frame().get("drawn"));
                        driver.findElement(By.cssSelector(".mg-playground[data-mode=steps] .mg-step")).click();
                        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20))
                                .until(d -> !drawn.equals(String.valueOf(frame().get("drawn"))));
                    }
                    Map<String, Object> frame = frame();
                    String where = (phone ? PHONE_WIDTH : DESKTOP_WIDTH) + " px, " + frame.get("caption") + ": ";
                    if (!String.valueOf(frame.get("caption")).startsWith("Step " + step + " of 6")) {
                        problems.add(where + "not step " + step);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> table = (Map<String, Object>) frame.get("table");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> graph = (Map<String, Object>) frame.get("graph");
                    if (table.size() != 5 || !table.keySet().equals(graph.keySet())) {
                        problems.add(where + "the table names " + table.keySet() + ", the graph " + graph.keySet());
                    }
                    for (String name : table.keySet()) {
                        double shown = ((Number) table.get(name)).doubleValue();
                        Object drawnGrad = graph.get(name);
                        if (drawnGrad == null || Math.abs(shown - ((Number) drawnGrad).doubleValue()) > 1e-4) {
                            problems.add(where + name + "'s gradient is " + shown + " in the table and " + drawnGrad + " in the graph");
                        }
                    }
                    if (!Boolean.TRUE.equals(frame.get("inView"))) {
                        problems.add(where + "the highlighted node is outside the graph's box: " + frame.get("place"));
                    }
                    if (step == 6) {
                        driver.executeScript("document.querySelector('.mg-playground[data-mode=steps]').scrollIntoView()");
                        screenshot(Path.of("ch04-live-step6.html"), phone ? "-phone" : "");
                    }
                }
                // On the last step every gradient is the final one: x1 -1.5, w1 1.0, as the chapter prints.
                @SuppressWarnings("unchecked")
                Map<String, Object> last = (Map<String, Object>) frame().get("table");
                if (Math.abs(((Number) last.get("x1")).doubleValue() + 1.5) > 1e-4
                        || Math.abs(((Number) last.get("w1")).doubleValue() - 1.0) > 1e-4) {
                    problems.add("the last step's gradients are not the final ones: " + last);
                }
            };
            if (phone) {
                onPhone(check);
            } else {
                check.run();
            }
        }
        assertEquals(List.of(), problems, "ch04.html, the live figure \"Watching the steps run\"");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> frame() {
        return (Map<String, Object>) driver.executeScript(STEP_FRAME);
    }

    @Test
    void theHomePageTypesetsItsMath() {
        open(Path.of("index.html"));
        long rendered = (Long) driver.executeScript("return document.querySelectorAll('.katex .katex-html').length");
        assertTrue(rendered > 0, "index.html shows no KaTeX math");
        String fraction = (String) driver.executeScript(
                "const f = document.querySelector('.katex .mfrac'); return f ? f.textContent : '';");
        assertTrue(fraction.contains("∂L"), "the chain rule's fraction is not typeset: '" + fraction + "'");
    }

    private Map<String, String> navLinks() {
        @SuppressWarnings("unchecked")
        Map<String, String> links = (Map<String, String>) driver.executeScript("const m = {};"
                + "document.querySelectorAll('.chapter-nav a').forEach(a => m[a.className] = a.href); return m;");
        return links;
    }

    /** Opens a page, waits for its math (on a page that has math), and returns the URLs of every request it made. */
    private List<String> open(Path page) {
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(Site.output().resolve(page).toUri().toString());
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20)).until(d -> Boolean.TRUE.equals(
                    ((ChromeDriver) d).executeScript("return document.readyState === 'complete'"
                            + " && (!document.querySelector('script[src$=\"theme/math.js\"]')"
                            + "     || document.documentElement.getAttribute('data-math') === 'done')"
                            + " && Array.from(document.querySelectorAll('.mg-playground')).every(p => p.hasAttribute('data-drawn'))"
                            + " && document.fonts.status === 'loaded'")));
        } catch (TimeoutException e) {
            fail(page + ": the math script (theme/math.js with KaTeX) did not finish within 10 s");
        }
        List<String> urls = new ArrayList<>();
        Map<Object, String> byId = new HashMap<>();
        Json json = new Json();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = map(map(json.toType(entry.getMessage(), Json.MAP_TYPE)).get("message"));
            Map<String, Object> params = map(message.get("params"));
            if ("Network.requestWillBeSent".equals(message.get("method"))) {
                String url = String.valueOf(map(params.get("request")).get("url"));
                byId.put(params.get("requestId"), url);
                urls.add(url);
            } else if ("Network.loadingFailed".equals(message.get("method"))) {
                urls.add(FAILED + byId.get(params.get("requestId")) + " (" + params.get("errorText") + ")");
            }
        }
        urls.addAll(script("return performance.getEntriesByType('resource').map(e => e.name);"));
        return urls;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return json == null ? Map.of() : (Map<String, Object>) json;
    }

    private List<String> script(String code) {
        @SuppressWarnings("unchecked")
        List<Object> result = (List<Object>) driver.executeScript(code);
        return result.stream().map(String::valueOf).collect(Collectors.toList());
    }

    private void screenshot(Path page, String suffix) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        String name = page.toString().replace(File.separatorChar, '_').replace(".html", suffix + ".png");
        try {
            Files.move(shot.toPath(), Site.screenshots().resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }
}
