package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.launcher.Launcher.InProcess;
import dev.micrograd.launcher.Launcher.Inputs;
import dev.micrograd.launcher.Launcher.Os;
import dev.micrograd.launcher.Launcher.Tree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's decisions for Windows, macOS and Linux, and its cache, without starting JBang. */
class LauncherTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void osNames() {
        assertEquals(Os.WINDOWS, Os.of("Windows 11"));
        assertEquals(Os.MACOS, Os.of("Mac OS X"));
        assertEquals(Os.LINUX, Os.of("Linux"));
        assertEquals(Os.LINUX, Os.of("FreeBSD"));
    }

    @Test
    void theShimPerOs() {
        assertEquals(List.of("cmd.exe", "/c", "C:\\Users\\ann\\micrograd\\jbang.cmd"),
                Launcher.shimCommand(Os.WINDOWS, "C:\\Users\\ann\\micrograd"));
        assertEquals(List.of("/Users/ann/micrograd/jbang"), Launcher.shimCommand(Os.MACOS, "/Users/ann/micrograd"));
        assertEquals(List.of("/home/ann/micrograd/jbang"), Launcher.shimCommand(Os.LINUX, "/home/ann/micrograd/"));
    }

    @Test
    void theMavenWrapperPerOs() {
        assertEquals(List.of("cmd.exe", "/c", "D:\\repo\\mvnw.cmd"), Launcher.mavenWrapperCommand(Os.WINDOWS, "D:\\repo"));
        // Through sh, so that a checkout that lost the executable bit still works.
        assertEquals(List.of("sh", "/Users/ann/repo/mvnw"), Launcher.mavenWrapperCommand(Os.MACOS, "/Users/ann/repo"));
        assertEquals(List.of("sh", "/home/ann/repo/mvnw"), Launcher.mavenWrapperCommand(Os.LINUX, "/home/ann/repo"));
    }

    @Test
    void javaExecutablesPerOs() {
        assertEquals("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe",
                Launcher.javaIn(Os.WINDOWS, "C:\\Program Files\\Java\\jdk-17"));
        assertEquals("/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home/bin/java",
                Launcher.javaIn(Os.MACOS, "/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home"));
        assertEquals("/usr/lib/jvm/java-17-openjdk-arm64/bin/java", Launcher.javaIn(Os.LINUX, "/usr/lib/jvm/java-17-openjdk-arm64"));
    }

    @Test
    void jbangPrintsItsCommandForPowerShellOnWindowsAndBashElsewhere() {
        assertEquals("powershell", Launcher.jbangShell(Os.WINDOWS));
        assertEquals("bash", Launcher.jbangShell(Os.MACOS));
        assertEquals("bash", Launcher.jbangShell(Os.LINUX));
    }

    @Test
    void cacheFoldersPerOs() {
        assertEquals("C:\\Users\\ann\\AppData\\Local\\micrograd-java",
                Launcher.cacheHome(Os.WINDOWS, Map.of("LocalAppData", "C:\\Users\\ann\\AppData\\Local"), "C:\\Users\\ann"));
        assertEquals("C:\\Users\\ann\\AppData\\Local\\micrograd-java", Launcher.cacheHome(Os.WINDOWS, Map.of(), "C:\\Users\\ann"));
        assertEquals("/Users/ann/Library/Caches/micrograd-java", Launcher.cacheHome(Os.MACOS, Map.of(), "/Users/ann"));
        assertEquals("/home/ann/.cache/micrograd-java", Launcher.cacheHome(Os.LINUX, Map.of(), "/home/ann"));
        assertEquals("/tmp/c/micrograd-java", Launcher.cacheHome(Os.LINUX, Map.of("XDG_CACHE_HOME", "/tmp/c"), "/home/ann"));
        assertEquals("/tmp/c/micrograd-java", Launcher.cacheHome(Os.MACOS, Map.of("XDG_CACHE_HOME", "/tmp/c"), "/Users/ann"));
    }

    @Test
    void anInstalledJbangIsLookedForUnderEachOsesNames() {
        assertEquals(List.of("C:\\jbang\\bin\\jbang.cmd", "C:\\jbang\\bin\\jbang.exe", "C:\\jbang\\bin\\jbang.bat",
                        "C:\\scoop\\shims\\jbang.cmd", "C:\\scoop\\shims\\jbang.exe", "C:\\scoop\\shims\\jbang.bat"),
                Launcher.onPath(Os.WINDOWS, "\"C:\\jbang\\bin\";;C:\\scoop\\shims", Launcher.installedJbangNames(Os.WINDOWS)));
        assertEquals(List.of("/opt/homebrew/bin/jbang", "/usr/bin/jbang"),
                Launcher.onPath(Os.MACOS, "/opt/homebrew/bin:/usr/bin", Launcher.installedJbangNames(Os.MACOS)));
        assertEquals(List.of("C:\\Users\\ann\\.jbang\\bin\\jbang.jar", "C:\\Users\\ann\\.jbang\\bin\\.jbang\\jbang.jar"),
                Launcher.installedJbangJars(Os.WINDOWS, "C:\\Users\\ann\\.jbang\\bin"));
        assertEquals(List.of("/home/ann/.jbang/bin/jbang.jar", "/home/ann/.jbang/bin/.jbang/jbang.jar"),
                Launcher.installedJbangJars(Os.LINUX, "/home/ann/.jbang/bin"));
    }

    @Test
    void bashCommandLinesAsJbangQuotesThem() {
        // JBang quotes with single quotes and writes a quote as '\''.
        assertEquals(List.of("/usr/bin/java", "-classpath", "/a b/x.jar:/y.jar", "Main", "it's", "$HOME", ""),
                Launcher.parseBash("/usr/bin/java -classpath '/a b/x.jar:/y.jar' Main 'it'\\''s' '$HOME' ''"));
        assertEquals(List.of("a b", "c\"d", "e"), Launcher.parseBash("\"a b\" \"c\\\"d\"\ne"));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parseBash("java 'open"));
    }

    @Test
    void powerShellCommandLinesAsJbangQuotesThem() {
        // JBang quotes with single quotes and doubles a quote inside them; backslashes are literal.
        assertEquals(List.of("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe", "-classpath",
                        "C:\\Users\\ann\\.jbang\\cache\\jars\\Ch01.jar;C:\\m2\\a.jar", "Ch01DataStructure", "it's", ""),
                Launcher.parsePowerShell("'C:\\Program Files\\Java\\jdk-17\\bin\\java.exe' -classpath "
                        + "C:\\Users\\ann\\.jbang\\cache\\jars\\Ch01.jar;C:\\m2\\a.jar Ch01DataStructure 'it''s' ''"));
        assertEquals(List.of("@C:\\Temp\\jbang123.args"), Launcher.parsePowerShell("@C:\\Temp\\jbang123.args"));
    }

    @Test
    void argFilesAsJbangWritesThem() {
        assertEquals(List.of("-classpath", "C:\\a b\\x.jar;C:\\y.jar", "Main", "it's"),
                Launcher.parseArgFile("-classpath\r\n\"C:\\\\a b\\\\x.jar;C:\\\\y.jar\"\r\nMain\r\n\"it\\'s\"\r\n"));
    }

    @Test
    void theRepositoriesCatalogIsRead() throws Exception {
        Map<String, Map<String, Object>> aliases = Launcher.aliases(
                Files.readString(REPO.resolve("jbang-catalog.json"), StandardCharsets.UTF_8));
        assertEquals("chapters/scripts/Ch01DataStructure.java", aliases.get("ch01").get("script-ref"));
        assertTrue(aliases.containsKey("ch08"), aliases.keySet().toString());
        Map<String, Map<String, Object>> small = Launcher.aliases(
                "{\"aliases\":{\"x\":{\"script-ref\":\"X.java\",\"arguments\":[\"a\",\"b \\\"c\\\"\"],\"interactive\":true}}}");
        assertEquals(List.of("a", "b \"c\""), small.get("x").get("arguments"));
        assertEquals("true", small.get("x").get("interactive"));
    }

    @Test
    void includesAndTheirFolders() {
        assertEquals(List.of("../../engine/src/main/java/dev/micrograd/**/*.java", "Helper.java", "data.csv"),
                Launcher.includes("//DEPS a:b:1\n//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java\n"
                        + "//SOURCES Helper.java\n//FILES res/data.csv=data.csv\nclass X {}\n"));
        assertEquals(Optional.of(new Tree("../../engine/src/main/java/dev/micrograd", true, "*.java")),
                Tree.of("../../engine/src/main/java/dev/micrograd/**/*.java"));
        assertEquals(Optional.of(new Tree("../src", false, "*.java")), Tree.of("../src/*.java"));
        assertEquals(Optional.of(new Tree("..\\src".replace('\\', '/'), false, "*.java")), Tree.of("..\\src\\*.java"));
        assertEquals(Optional.empty(), Tree.of("Helper.java"));
    }

    @Test
    void anyEditAddedOrRemovedSourceChangesTheInputs(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(lib.resolve("deep"));
        Path script = dir.resolve("app/Main.java");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "//SOURCES ../lib/**/*.java\n//SOURCES Other.java\nclass Main {}\n");
        Files.writeString(script.resolveSibling("Other.java"), "class Other {}\n");
        Path helper = lib.resolve("Helper.java");
        Files.writeString(helper, "class Helper { int one = 1; }\n");

        List<String> before = inputs(script);
        assertTrue(Inputs.unchanged(before));
        assertEquals(4, before.size(), before.toString());

        // Same size and the same modification time: only the content tells.
        FileTime time = Files.getLastModifiedTime(helper);
        Files.writeString(helper, "class Helper { int one = 2; }\n");
        Files.setLastModifiedTime(helper, time);
        assertFalse(Inputs.unchanged(before));

        List<String> edited = inputs(script);
        Files.writeString(lib.resolve("deep/Added.java"), "class Added {}\n");
        assertFalse(Inputs.unchanged(edited), "a new file under a ** glob");

        List<String> added = inputs(script);
        Files.delete(script.resolveSibling("Other.java"));
        assertFalse(Inputs.unchanged(added), "a removed //SOURCES file");
    }

    private static List<String> inputs(Path script) throws Exception {
        Inputs inputs = new Inputs();
        inputs.addScript(script);
        return inputs.lines();
    }

    @Test
    void aCommandRunsInThisJvmOnlyWhenItNeedsNothingElse() {
        List<String> options = Launcher.LAUNCHER_JVM_OPTIONS;
        String java = "/usr/lib/jvm/java-17/bin/java";
        Optional<InProcess> plain = InProcess.of(List.of(java, "-XX:-PrintWarnings", "-Dcolor=no", "-classpath",
                "/c/Ch01.jar:/m2/g.jar", "Ch01DataStructure", "--out", ""), java, options, Os.LINUX);
        assertEquals(Optional.of(new InProcess("Ch01DataStructure", List.of("/c/Ch01.jar", "/m2/g.jar"),
                Map.of("color", "no"), List.of("--out", ""))), plain);

        assertEquals(Optional.empty(), InProcess.of(List.of(java, "-Xmx2g", "-cp", "/a.jar", "Main"), java, options,
                Os.LINUX), "an option this JVM was not started with");
        assertEquals(Optional.empty(), InProcess.of(List.of(java, "-Dfile.encoding=UTF-8", "-cp", "/a.jar", "Main"),
                java, options, Os.LINUX), "a property read only at start-up");
        assertEquals(Optional.empty(), InProcess.of(List.of("/opt/jdk-21/bin/java", "-cp", "/a.jar", "Main"), java,
                options, Os.LINUX), "another JDK");
        assertEquals(Optional.empty(), InProcess.of(List.of(java, "-jar", "/a.jar"), java, options, Os.LINUX));
        assertEquals(Optional.empty(), InProcess.of(List.of("jshell", "--class-path", "/a.jar"), java, options, Os.LINUX));

        String windowsJava = "C:\\Program Files\\Java\\jdk-17\\bin\\java.exe";
        assertEquals("Main", InProcess.of(List.of("c:\\program files\\java\\jdk-17\\bin\\java.exe", "-classpath",
                "C:\\a.jar;C:\\b c.jar", "Main"), windowsJava, options, Os.WINDOWS).orElseThrow().mainClass());
        assertEquals(List.of("C:\\a.jar", "C:\\b c.jar"), InProcess.of(List.of(windowsJava, "-classpath",
                "C:\\a.jar;C:\\b c.jar", "Main"), windowsJava, options, Os.WINDOWS).orElseThrow().classPath());
    }

    @Test
    void cacheLinesSurviveAnyCharacter() {
        String odd = "a%b\nc\rd 50%0A";
        assertEquals(odd, Launcher.unescape(Launcher.escape(odd)));
        assertFalse(Launcher.escape(odd).contains("\n"));
    }

    @Test
    void theShimsStartTheLauncherWithItsOptionsAndTheirLineEndings() throws Exception {
        String sh = Files.readString(REPO.resolve("jbang"), StandardCharsets.UTF_8);
        String cmd = Files.readString(REPO.resolve("jbang.cmd"), StandardCharsets.UTF_8);
        String options = String.join(" ", Launcher.LAUNCHER_JVM_OPTIONS);
        assertEquals(2, sh.split(java.util.regex.Pattern.quote(options), -1).length - 1, "./jbang starts " + options);
        assertEquals(2, cmd.split(java.util.regex.Pattern.quote(options), -1).length - 1, "jbang.cmd starts " + options);
        assertTrue(sh.contains(Launcher.SOURCE) && sh.contains(Launcher.CLASSES), "./jbang names the launcher's files");
        assertTrue(cmd.contains(Launcher.SOURCE.replace('/', '\\')) && cmd.contains(Launcher.CLASSES.replace('/', '\\')),
                "jbang.cmd names the launcher's files");
        assertFalse(sh.contains("\r"), "./jbang has LF line endings");
        assertEquals(cmd.split("\n", -1).length - 1, cmd.split("\r\n", -1).length - 1, "jbang.cmd has CRLF line endings");
        assertTrue(Files.isExecutable(REPO.resolve("jbang")));
    }

    @Test
    void gitKeepsTheLineEndingsEachShellNeeds() throws Exception {
        List<String> attributes = Files.readAllLines(REPO.resolve(".gitattributes"));
        assertTrue(attributes.contains("*.cmd -text"), attributes.toString());
        assertTrue(attributes.contains("/jbang text eol=lf"), attributes.toString());
        assertTrue(attributes.contains("/mvnw text eol=lf"), attributes.toString());
        assertTrue(attributes.contains("*.sh text eol=lf"), attributes.toString());
    }

    @Test
    void stackTracesEndAtTheScriptsMain() {
        RuntimeException error = new RuntimeException("boom");
        error.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("Lesson", "check", "Lesson.java", 10),
            new StackTraceElement("Ch01", "main", "Ch01.java", 5),
            new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            new StackTraceElement("dev.micrograd.launcher.Launcher", "main", "Launcher.java", 99)});
        Launcher.trimLauncherFrames(error, "Ch01");
        assertEquals(2, error.getStackTrace().length);
    }
}
