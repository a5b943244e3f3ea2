package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each OS's conventions, decided for Windows, macOS (Intel and Apple Silicon) and Linux on any machine. */
class OsTest {
    @Test
    void osNames() {
        assertEquals(Os.WINDOWS, Os.of("Windows 11"));
        assertEquals(Os.WINDOWS, Os.of("Windows Server 2022"));
        assertEquals(Os.MACOS, Os.of("Mac OS X"));
        assertEquals(Os.MACOS, Os.of("Darwin"));
        assertEquals(Os.LINUX, Os.of("Linux"));
        assertEquals(Os.LINUX, Os.of("FreeBSD"));
        assertEquals(Os.LINUX, Os.of(""));
    }

    @Test
    void processors() {
        assertTrue(Os.arm("aarch64"), "Apple Silicon and ARM Linux");
        assertTrue(Os.arm("arm64"));
        assertFalse(Os.arm("x86_64"), "an Intel Mac");
        assertFalse(Os.arm("amd64"), "Linux and Windows on Intel or AMD");
        assertEquals(List.of("/opt/homebrew/bin", "/usr/local/bin"), Os.homebrewBins("aarch64"));
        assertEquals(List.of("/usr/local/bin", "/opt/homebrew/bin"), Os.homebrewBins("x86_64"));
    }

    @Test
    void fileNamesAndPaths() {
        assertEquals("java.exe", Os.WINDOWS.executable("java"));
        assertEquals("java", Os.MACOS.executable("java"));
        assertEquals("java", Os.LINUX.executable("java"));
        assertEquals(";", Os.WINDOWS.pathSeparator());
        assertEquals(":", Os.MACOS.pathSeparator());
        assertEquals(":", Os.LINUX.pathSeparator());
        assertEquals("C:\\a\\b", Os.WINDOWS.join("C:\\a", "b"));
        assertEquals("C:\\a\\b", Os.WINDOWS.join("C:\\a\\", "b"));
        assertEquals("/a/b", Os.LINUX.join("/a/", "b"));
    }

    @Test
    void javaExecutables() {
        assertEquals("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe", Os.WINDOWS.javaIn("C:\\Program Files\\Java\\jdk-17"));
        assertEquals("/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home/bin/java",
                Os.MACOS.javaIn("/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home"));
        assertEquals("/usr/lib/jvm/java-17-openjdk-arm64/bin/java", Os.LINUX.javaIn("/usr/lib/jvm/java-17-openjdk-arm64"));
    }

    @Test
    void variablesIgnoreCaseOnlyOnWindows() {
        Map<String, String> env = Map.of("Path", "C:\\Windows");
        assertEquals(Optional.of("C:\\Windows"), Os.WINDOWS.variable(env, "PATH"));
        assertEquals(Optional.empty(), Os.LINUX.variable(env, "PATH"));
        assertEquals(Optional.empty(), Os.MACOS.variable(env, "PATH"));
        assertEquals(Optional.of("/bin"), Os.LINUX.variable(Map.of("PATH", "/bin", "Path", "x"), "PATH"));
    }

    @Test
    void thePathInOrderWithQuotedFoldersOnWindows() {
        assertEquals(List.of("C:\\jbang\\bin\\a.cmd", "C:\\jbang\\bin\\a.exe", "D:\\x y\\a.cmd", "D:\\x y\\a.exe"),
                Os.WINDOWS.onPath("\"C:\\jbang\\bin\";;D:\\x y", List.of("a.cmd", "a.exe")));
        assertEquals(List.of("/opt/homebrew/bin/jbang", "/usr/bin/jbang"),
                Os.MACOS.onPath("/opt/homebrew/bin:/usr/bin", List.of("jbang")));
        assertEquals(List.of("/a/x", "/b/x"), Os.LINUX.onPath("/a::/b:", List.of("x")));
    }

    @Test
    void cacheFolders() {
        assertEquals("C:\\Users\\ann\\AppData\\Local\\micrograd-java",
                Os.WINDOWS.cacheHome(Map.of("LocalAppData", "C:\\Users\\ann\\AppData\\Local"), "C:\\Users\\ann"));
        assertEquals("C:\\Users\\ann\\AppData\\Local\\micrograd-java", Os.WINDOWS.cacheHome(Map.of(), "C:\\Users\\ann"));
        assertEquals("/Users/ann/Library/Caches/micrograd-java", Os.MACOS.cacheHome(Map.of(), "/Users/ann"));
        assertEquals("/home/ann/.cache/micrograd-java", Os.LINUX.cacheHome(Map.of(), "/home/ann"));
        assertEquals("/tmp/c/micrograd-java", Os.LINUX.cacheHome(Map.of("XDG_CACHE_HOME", "/tmp/c"), "/home/ann"));
        assertEquals("/tmp/c/micrograd-java", Os.MACOS.cacheHome(Map.of("XDG_CACHE_HOME", "/tmp/c"), "/Users/ann"));
    }

    @Test
    void theShim() {
        assertEquals(List.of("cmd.exe", "/c", "C:\\Users\\ann\\micrograd\\jbang.cmd"),
                Os.WINDOWS.shimCommand("C:\\Users\\ann\\micrograd"));
        assertEquals(List.of("/Users/ann/micrograd/jbang"), Os.MACOS.shimCommand("/Users/ann/micrograd"));
        assertEquals(List.of("/home/ann/micrograd/jbang"), Os.LINUX.shimCommand("/home/ann/micrograd/"));
    }

    @Test
    void theMavenWrapper() {
        assertEquals(List.of("cmd.exe", "/c", "D:\\repo\\mvnw.cmd"), Os.WINDOWS.mavenWrapperCommand("D:\\repo"));
        // Through sh, so that a checkout that lost the executable bit still works.
        assertEquals(List.of("sh", "/Users/ann/repo/mvnw"), Os.MACOS.mavenWrapperCommand("/Users/ann/repo"));
        assertEquals(List.of("sh", "/home/ann/repo/mvnw"), Os.LINUX.mavenWrapperCommand("/home/ann/repo"));
    }
}
