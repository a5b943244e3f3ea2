import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** JBang scripts pin their library versions in //DEPS lines; they must match the parent pom's. */
class ScriptDepsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DEPS_LINE = Pattern.compile("(?m)^//DEPS ");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void everyScriptDependsOnThePomVersions() throws Exception {
        Map<String, String> managed = managedVersions(REPO.resolve("pom.xml"));
        List<Path> scripts = scripts();
        List<String> problems = new ArrayList<>();
        for (Path script : scripts) {
            problems.addAll(drift(managed, REPO.relativize(script).toString(), read(script)));
        }
        assertTrue(scripts.contains(REPO.resolve("chapters/scripts/Ch01DataStructure.java")), "scripts found: " + scripts);
        assertEquals(List.of(), problems);
    }

    @Test
    void theParentPomVersionsAreRead() throws Exception {
        Map<String, String> managed = managedVersions(REPO.resolve("pom.xml"));
        String graphviz = managed.get("guru.nidi:graphviz-java");
        assertTrue(graphviz != null && graphviz.matches("\\d+(\\.\\d+)+"), "graphviz-java version: " + graphviz);
        assertFalse(managed.containsKey("org.junit:junit-bom"), "an imported BOM is not a library: " + managed);
    }

    @Test
    void driftIsFound() {
        Map<String, String> managed = Map.of("guru.nidi:graphviz-java", "0.18.1", "org.slf4j:slf4j-nop", "1.7.36");
        String text = "//DEPS guru.nidi:graphviz-java:0.18.0\n"
                + "//DEPS org.slf4j:slf4j-nop:1.7.36, org.example:unknown:1.0@pom\n"
                + "class X {}\n";

        assertEquals(List.of(
                "X.java: guru.nidi:graphviz-java:0.18.0 but the parent pom has 0.18.1",
                "X.java: org.example:unknown:1.0 is not in the parent pom's <dependencyManagement>"),
                drift(managed, "X.java", text));
    }

    /** Each problem with the //DEPS lines of one script's text, as "name: what is wrong". */
    static List<String> drift(Map<String, String> managed, String name, String text) {
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("//DEPS ")) {
                continue;
            }
            for (String coordinate : line.substring("//DEPS ".length()).trim().split("[\\s,]+")) {
                String[] parts = coordinate.replaceFirst("@.*$", "").split(":");
                if (parts.length < 3) {
                    problems.add(name + ": " + coordinate + " has no version");
                    continue;
                }
                String key = parts[0] + ":" + parts[1];
                String expected = managed.get(key);
                if (expected == null) {
                    problems.add(name + ": " + coordinate.replaceFirst("@.*$", "")
                            + " is not in the parent pom's <dependencyManagement>");
                } else if (!expected.equals(parts[2])) {
                    problems.add(name + ": " + key + ":" + parts[2] + " but the parent pom has " + expected);
                }
            }
        }
        return problems;
    }

    /** groupId:artifactId to version for each library the pom manages, with ${properties} filled in. */
    static Map<String, String> managedVersions(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        Element project = document.getDocumentElement();

        Map<String, String> properties = new HashMap<>();
        for (Element block : children(project, "properties")) {
            NodeList nodes = block.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().trim());
                }
            }
        }
        Map<String, String> managed = new HashMap<>();
        for (Element management : children(project, "dependencyManagement")) {
            for (Element dependencies : children(management, "dependencies")) {
                for (Element dependency : children(dependencies, "dependency")) {
                    if ("import".equals(text(dependency, "scope"))) {
                        continue;
                    }
                    String version = text(dependency, "version");
                    Matcher reference = PROPERTY.matcher(version);
                    if (reference.matches()) {
                        version = properties.getOrDefault(reference.group(1), version);
                    }
                    managed.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), version);
                }
            }
        }
        return managed;
    }

    private static List<Path> scripts() throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> chapters = Files.list(REPO.resolve("chapters/scripts"))) {
            scripts.addAll(chapters.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList()));
        }
        Path exercises = REPO.resolve("exercises");
        if (Files.isDirectory(exercises)) {
            try (Stream<Path> files = Files.walk(exercises)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                    if (!file.toString().contains("/target/") && DEPS_LINE.matcher(read(file)).find()) {
                        scripts.add(file);
                    }
                }
            }
        }
        return scripts;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
