package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which command lines the launcher's own JVM can run, and how their stack traces read. */
class InProcessTest {
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
        assertEquals(Optional.empty(), InProcess.of(List.of(java, "-cp"), java, options, Os.LINUX), "no class path");
    }

    @Test
    void onWindowsTheJavaPathIgnoresCaseAndTheClassPathSplitsAtSemicolons() {
        String windowsJava = "C:\\Program Files\\Java\\jdk-17\\bin\\java.exe";
        assertEquals("Main", InProcess.of(List.of("c:\\program files\\java\\jdk-17\\bin\\java.exe", "-classpath",
                "C:\\a.jar;C:\\b c.jar", "Main"), windowsJava, Launcher.LAUNCHER_JVM_OPTIONS, Os.WINDOWS)
                .orElseThrow().mainClass());
        assertEquals(List.of("C:\\a.jar", "C:\\b c.jar"), InProcess.of(List.of(windowsJava, "-classpath",
                "C:\\a.jar;C:\\b c.jar", "Main"), windowsJava, Launcher.LAUNCHER_JVM_OPTIONS, Os.WINDOWS)
                .orElseThrow().classPath());
        assertEquals("Main", InProcess.of(List.of("C:\\Program Files\\Java\\jdk-17\\bin\\java", "-cp", "C:\\a.jar",
                "Main"), windowsJava, Launcher.LAUNCHER_JVM_OPTIONS, Os.WINDOWS).orElseThrow().mainClass(),
                "java without .exe");
        assertEquals(Optional.empty(), InProcess.of(List.of("/usr/bin/JAVA", "-cp", "/a.jar", "Main"), "/usr/bin/java",
                Launcher.LAUNCHER_JVM_OPTIONS, Os.MACOS), "case counts elsewhere");
    }

    @Test
    void stackTracesEndAtTheScriptsMain() {
        RuntimeException error = new RuntimeException("boom");
        error.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("Lesson", "check", "Lesson.java", 10),
            new StackTraceElement("Ch01", "main", "Ch01.java", 5),
            new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            new StackTraceElement("dev.micrograd.launcher.Launcher", "main", "Launcher.java", 99)});
        InProcess.trimLauncherFrames(error, "Ch01");
        assertEquals(2, error.getStackTrace().length);
    }
}
