package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
 * no errors, the chapter links lead to pages, and a phone-width screen needs no sideways scrolling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteInBrowserTest {
    private static final int PHONE_WIDTH = 390;
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
        Browsers.Found browser;
        try {
            browser = Browsers.installed();
        } catch (Browsers.NotFound e) {
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
        String html = Site.read(Site.output().resolve(page));
        boolean hasMath = html.contains("\\(") || html.contains("\\[");
        if (!hasMath && requests.stream().anyMatch(url -> url.contains("/katex/"))) {
            problems.add("the page has no math but loads KaTeX");
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
        if (hasMath && math == 0) {
            problems.add("the page has math but KaTeX rendered none of it");
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
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            open(page);
            List<String> overflow = script(OVERFLOW);
            screenshot(page, "-phone");
            assertEquals(List.of(), overflow, page + " is wider than a " + PHONE_WIDTH + " px screen");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
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

    /** Opens a page, waits for its math (if it loads KaTeX), and returns the URLs of every request it made. */
    private List<String> open(Path page) {
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(Site.output().resolve(page).toUri().toString());
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20)).until(d ->
                    Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return !document.querySelector("
                            + "'script[src$=\"theme/math.js\"]') || document.documentElement.getAttribute('data-math') === 'done'"))
                    && Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return document.fonts.status === 'loaded'")));
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
