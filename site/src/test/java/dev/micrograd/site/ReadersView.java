package dev.micrograd.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader sees on a page open in the browser, as scripts that return what is wrong: markup Asciidoctor
 * left unconverted, graph text too small to read, and the serious accessibility problems axe-core finds.
 */
final class ReadersView {
    /**
     * Text outside code blocks and typeset math that is markup, not prose: backticks, attribute references such as
     * {@code {plus}}, macros and cross references left as written, {@code **} and {@code ++} pairs, and inline code
     * that is empty or holds a backtick or an attribute reference.
     */
    static final String MARKUP_LEFTOVERS = "const out = [];"
            + "const skip = 'pre, script, style, textarea, .katex, .mg-live';"
            + "const prose = [[/`/, 'a backtick'], [/\\{[a-z][a-z0-9_-]*\\}/, 'an attribute reference'],"
            + "  [/\\b(?:stem|latexmath|asciimath|pass|kbd|btn|menu|link|xref|image|footnote|anchor|include)::?[^\\s\\[\\]]*\\[/, 'a macro'],"
            + "  [/<<[\\w#.:-]+(?:,[^<>]*)?>>/, 'a cross reference'], [/\\*\\*|\\+\\+|(?:^|\\W)__\\w/, 'a ** , ++ or __ pair']];"
            + "const inCode = [[/`/, 'a backtick'], [/\\{[a-z][a-z0-9_-]*\\}/, 'an attribute reference']];"
            + "function around(t, i) { return t.slice(Math.max(0, i - 40), i + 40).replace(/\\s+/g, ' ').trim(); }"
            + "const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "while (walk.nextNode()) { const n = walk.currentNode, p = n.parentElement;"
            + "  if (!p || p.closest(skip)) continue;"
            + "  const code = p.closest('code'); const t = n.textContent;"
            + "  for (const [re, what] of (code ? inCode : prose)) { const m = re.exec(t);"
            + "    if (m) out.push(what + (code ? ' in inline code' : '') + ': \"' + around(t, m.index) + '\"'); } }"
            + "document.querySelectorAll('code').forEach(c => { if (!c.closest(skip) && c.textContent.trim() === '')"
            + "  out.push('empty inline code after \"' + (c.previousSibling ? around(c.previousSibling.textContent, 1e9) : '') + '\"'); });"
            + "document.querySelectorAll('img[alt]').forEach(i => { for (const [re, what] of inCode) { const m = re.exec(i.alt);"
            + "  if (m) out.push(what + ' in the alt text of ' + i.getAttribute('src') + ': \"' + around(i.alt, m.index) + '\"'); } });"
            + "return out;";

    /**
     * Every picture drawn from an SVG file, with its drawn width and whether a link opens it alone, and the smallest text
     * of every SVG drawn in the page itself (the live figures), in CSS pixels.
     */
    static final String GRAPHS = "const out = [];"
            + "document.querySelectorAll('img').forEach(i => { const src = i.getAttribute('src') || '';"
            + "  if (!/\\.svg$/i.test(src) || i.getBoundingClientRect().width === 0) return;"
            + "  const a = i.closest('a[href]');"
            + "  out.push({kind: 'file', src: i.src, width: i.getBoundingClientRect().width,"
            + "    link: a ? a.href : '', scrolls: scrolls(i)}); });"
            + "document.querySelectorAll('svg').forEach((s, k) => { if (s.closest('.katex')) return;"
            + "  let min = Infinity;"
            + "  s.querySelectorAll('text').forEach(t => { const ctm = t.getScreenCTM(); if (!ctm || !t.textContent.trim()) return;"
            + "    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);"
            + "    if (size < min) min = size; });"
            + "  if (min < Infinity) out.push({kind: 'inline', src: 'svg #' + k + ' in ' + ((s.closest('[class]') || s).className.baseVal"
            + "    || (s.closest('[class]') || s).className), text: min, scrolls: scrolls(s)}); });"
            + "function scrolls(e) { for (let p = e.parentElement; p; p = p.parentElement) {"
            + "  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; }"
            + "return out;";

    private static final Pattern VIEW_BOX = Pattern.compile("<svg\\b[^>]*\\sviewBox=\"[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)");
    private static final Pattern FONT_SIZE = Pattern.compile("font-size=\"([0-9.]+)\"");
    private static final String AXE = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";

    private ReadersView() {
    }

    /**
     * The graphs whose text is smaller than {@code minimum} CSS pixels, or that no link opens full size, from what
     * {@link #GRAPHS} returned. A Graphviz file's text size is its smallest font size times its drawn scale.
     */
    static List<String> smallGraphs(List<Map<String, Object>> graphs, double minimum) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> graph : graphs) {
            String src = String.valueOf(graph.get("src"));
            double text;
            if ("file".equals(graph.get("kind"))) {
                String svg = Site.read(Path.of(URI.create(src)));
                if (!svg.contains("<g id=\"graph0\" class=\"graph\"")) {
                    continue;
                }
                text = smallestText(svg) * ((Number) graph.get("width")).doubleValue() / viewBoxWidth(svg);
                String link = String.valueOf(graph.get("link"));
                if (!link.equals(src)) {
                    problems.add(name(src) + " cannot be opened full size: its link is '" + link + "'");
                }
            } else {
                text = ((Number) graph.get("text")).doubleValue();
            }
            if (text < minimum - 0.01) {
                problems.add(String.format(Locale.ROOT, "%s shows text at %.1f px, under %.0f px", name(src), text, minimum));
            }
        }
        return problems;
    }

    static double smallestText(String svg) {
        Matcher m = FONT_SIZE.matcher(svg);
        double min = Double.POSITIVE_INFINITY;
        while (m.find()) {
            min = Math.min(min, Double.parseDouble(m.group(1)));
        }
        if (min == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("a graph without font sizes");
        }
        return min;
    }

    static double viewBoxWidth(String svg) {
        Matcher m = VIEW_BOX.matcher(svg);
        if (!m.find()) {
            throw new IllegalArgumentException("a graph without a viewBox");
        }
        return Double.parseDouble(m.group(1));
    }

    private static String name(String src) {
        return src.startsWith("file:") ? src.substring(src.lastIndexOf("/images/") + 1) : src;
    }

    /** The script that runs axe-core in the page and hands its serious and critical violations to the callback. */
    static String axeRun() {
        return axeSource() + "\n;const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + "  .filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "  .map(v => v.impact + ' ' + v.id + ' (' + v.help + ') at ' + v.nodes.length + ' places: '"
                + "    + v.nodes.slice(0, 4).map(n => n.target.join(' ') + (n.any[0] && n.any[0].message ? ' [' + n.any[0].message + ']' : '')).join('; '))))"
                + "  .catch(e => done(['axe-core failed: ' + e]));";
    }

    private static String axeSource() {
        try (InputStream in = ReadersView.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test class path (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The axe-core version the build brought, read from the WebJar's Maven metadata. */
    private static String axeVersion() {
        String properties = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream in = ReadersView.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException(properties + " is not on the test class path (org.webjars.npm:axe-core)");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
