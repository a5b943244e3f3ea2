package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Command lines read back as JBang writes them, in each syntax. */
class WordsTest {
    @Test
    void bashCommandLinesAsJbangQuotesThem() {
        // JBang quotes with single quotes and writes a quote as '\''.
        assertEquals(List.of("/usr/bin/java", "-classpath", "/a b/x.jar:/y.jar", "Main", "it's", "$HOME", ""),
                Words.parseBash("/usr/bin/java -classpath '/a b/x.jar:/y.jar' Main 'it'\\''s' '$HOME' ''"));
        assertEquals(List.of("a b", "c\"d", "e"), Words.parseBash("\"a b\" \"c\\\"d\"\ne"));
        assertThrows(IllegalArgumentException.class, () -> Words.parseBash("java 'open"));
        assertThrows(IllegalArgumentException.class, () -> Words.parseBash("java \"open"));
    }

    @Test
    void powerShellCommandLinesAsJbangQuotesThem() {
        // JBang quotes with single quotes and doubles a quote inside them; backslashes are literal.
        assertEquals(List.of("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe", "-classpath",
                        "C:\\Users\\ann\\.jbang\\cache\\jars\\Ch01.jar;C:\\m2\\a.jar", "Ch01DataStructure", "it's", ""),
                Words.parsePowerShell("'C:\\Program Files\\Java\\jdk-17\\bin\\java.exe' -classpath "
                        + "C:\\Users\\ann\\.jbang\\cache\\jars\\Ch01.jar;C:\\m2\\a.jar Ch01DataStructure 'it''s' ''"));
        assertEquals(List.of("@C:\\Temp\\jbang123.args"), Words.parsePowerShell("@C:\\Temp\\jbang123.args"));
        assertThrows(IllegalArgumentException.class, () -> Words.parsePowerShell("'open"));
    }

    @Test
    void argFilesAsJbangWritesThem() {
        assertEquals(List.of("-classpath", "C:\\a b\\x.jar;C:\\y.jar", "Main", "it's"),
                Words.parseArgFile("-classpath\r\n\"C:\\\\a b\\\\x.jar;C:\\\\y.jar\"\r\nMain\r\n\"it\\'s\"\r\n"));
    }

    @Test
    void theSyntaxFollowsTheShellJbangWasAskedFor() {
        assertEquals(List.of("a'b"), Words.parseCommandLine("powershell", "'a''b'"));
        assertEquals(List.of("ab"), Words.parseCommandLine("bash", "'a''b'"));
    }
}
