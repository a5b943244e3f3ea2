package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads the built HTML and CSS: every picture, asset and internal link exists, and nothing is fetched from outside. */
class LinksAndAssetsTest {
    private static final Pattern REFERENCE = Pattern.compile(
            "<(img|script|link|a|source|iframe)\\b[^>]*?\\s(src|href)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    static List<Path> pages() {
        return Site.pages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyPictureAssetAndLinkOfThePageExists(Path page) {
        String html = Site.read(Site.output().resolve(page));
        List<String> problems = new ArrayList<>();
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            String target = unescape(m.group(3));
            if (isExternal(target)) {
                if (!tag.equals("a")) {
                    problems.add("<" + tag + "> loads " + target + " from outside the site" + Site.whereInSources(target));
                }
                continue;
            }
            String problem = checkLocal(page, target);
            if (problem != null) {
                problems.add("<" + tag + "> " + problem + Site.whereInSources(baseName(target)));
            }
        }
        assertEquals(List.of(), problems, page + " has broken references");
    }

    @Test
    void stylesheetsOnlyUseFilesInsideTheSite() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Site.output())) {
            for (Path css : files.filter(f -> f.toString().endsWith(".css")).collect(Collectors.toList())) {
                Matcher m = CSS_URL.matcher(Site.read(css));
                while (m.find()) {
                    String target = m.group(1) != null ? m.group(1) : m.group(2);
                    if (target.startsWith("data:")) {
                        continue;
                    }
                    Path file = css.getParent().resolve(stripFragment(target)).normalize();
                    if (isExternal(target) || !file.startsWith(Site.output()) || !Files.isRegularFile(file)) {
                        problems.add(Site.output().relativize(css) + " refers to " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theHomePageLinksTheChaptersThatExist() {
        String home = Site.read(Site.output().resolve("index.html"));
        for (Path page : Site.pages()) {
            String name = page.toString();
            if (name.matches("ch\\d\\d\\.html")) {
                assertTrue(home.contains("href=\"" + name + "\""), "index.html does not link " + name);
            }
        }
    }

    @Test
    void everyPageCanBeReachedFromTheHomePage() {
        Set<Path> reached = new HashSet<>();
        Deque<Path> todo = new ArrayDeque<>(List.of(Path.of("index.html")));
        while (!todo.isEmpty()) {
            Path page = todo.pop();
            if (!reached.add(page)) {
                continue;
            }
            Matcher m = REFERENCE.matcher(Site.read(Site.output().resolve(page)));
            while (m.find()) {
                String target = stripFragment(unescape(m.group(3)));
                if (m.group(1).equalsIgnoreCase("a") && target.endsWith(".html") && !isExternal(target)) {
                    Path next = Site.output().relativize(Site.output().resolve(page).resolveSibling(target).normalize());
                    if (Files.isRegularFile(Site.output().resolve(next))) {
                        todo.push(next);
                    }
                }
            }
        }
        List<Path> orphans = new ArrayList<>(Site.pages());
        orphans.removeAll(reached);
        assertEquals(List.of(), orphans, "pages no link leads to from index.html");
    }

    @Test
    void chaptersLinkToEachOtherBothWays() {
        List<String> problems = new ArrayList<>();
        for (Path page : Site.pages()) {
            String html = Site.read(Site.output().resolve(page));
            if (page.toString().matches("ch\\d\\d\\.html") && navLink(html, "nav-home") == null) {
                problems.add(page + " does not end with the chapter navigation (include::_partial/nav.adoc[])");
            }
            String next = navLink(html, "nav-next");
            if (next != null && Files.isRegularFile(Site.output().resolve(page).resolveSibling(next))) {
                String back = navLink(Site.read(Site.output().resolve(page).resolveSibling(next)), "nav-prev");
                if (!page.getFileName().toString().equals(back)) {
                    problems.add(page + " leads on to " + next + ", whose previous-chapter link is " + back
                            + " (see :prev-page: in " + next.replace(".html", ".adoc") + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noPartialBecomesAPage() {
        assertTrue(Site.pages().stream().noneMatch(p -> p.startsWith("_partial")), "_partial/*.adoc were published as pages");
    }

    /** The href of the chapter-navigation link with this role, or null. */
    private static String navLink(String html, String role) {
        Matcher m = Pattern.compile("<a href=\"([^\"]*)\" class=\"" + role + "\"").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** Null when {@code target}, written in {@code page}, is an existing file (and anchor) of the site. */
    private static String checkLocal(Path page, String target) {
        if (target.isEmpty() || target.startsWith("data:") || target.startsWith("mailto:")) {
            return null;
        }
        String path = stripFragment(target);
        String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path file = path.isEmpty() ? Site.output().resolve(page)
                : Site.output().resolve(page).getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
        if (!file.startsWith(Site.output())) {
            return "points outside the site: " + target;
        }
        if (!Files.isRegularFile(file)) {
            return "points at a missing file: " + target;
        }
        if (fragment != null && !fragment.isEmpty() && file.toString().endsWith(".html")
                && !ids(file).contains(URLDecoder.decode(fragment, StandardCharsets.UTF_8))) {
            return "points at a missing anchor: " + target;
        }
        return null;
    }

    private static List<String> ids(Path html) {
        Matcher m = ID.matcher(Site.read(html));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(unescape(m.group(1)));
        }
        return ids;
    }

    private static boolean isExternal(String target) {
        return target.matches("(?i)^[a-z][a-z0-9+.-]*://.*") || target.startsWith("//");
    }

    private static String stripFragment(String target) {
        int cut = target.indexOf('#');
        String path = cut < 0 ? target : target.substring(0, cut);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String baseName(String target) {
        String path = stripFragment(target);
        return path.isEmpty() ? target : path.substring(path.lastIndexOf('/') + 1);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&amp;", "&");
    }
}
