package dev.micrograd.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits a command line into its words, in the three syntaxes JBang writes: POSIX shell (bash), PowerShell, and the
 * java {@code @argfile}. Only quoting and escapes are read; nothing is expanded.
 */
final class Words {
    private Words() {
    }

    /** Reads JBang's command line back into arguments, in the syntax {@link Jbang#shell} asked for. */
    static List<String> parseCommandLine(String shell, String line) {
        return "powershell".equals(shell) ? parsePowerShell(line) : parseBash(line);
    }

    /** POSIX shell words: blanks separate, single quotes are literal, double quotes and backslashes escape. */
    static List<String> parseBash(String line) {
        return words(line, Words::shellBlank, Words::bashQuote);
    }

    /** PowerShell words as JBang writes them: blanks separate, single quotes are literal with '' for a quote. */
    static List<String> parsePowerShell(String line) {
        return words(line, Words::shellBlank, Words::powerShellQuote);
    }

    /** The words of a java @argfile as JBang writes them: blanks separate, quotes group, a backslash escapes. */
    static List<String> parseArgFile(String text) {
        return words(text, Character::isWhitespace, Words::argFileQuote);
    }

    /** One syntax's quoting: reads the quote or escape at {@code i} into the word and returns where it ends. */
    private interface Quoting {
        /** The index of the quote's last character, or -1 when the character at {@code i} starts no quote. */
        int read(String line, int i, StringBuilder word);
    }

    /** Splits at blanks outside quotes; the syntaxes differ only in what a blank is and how quotes read. */
    private static List<String> words(String line, IntPredicate blank, Quoting quoting) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int end = quoting.read(line, i, word);
            if (end >= 0) {
                i = end;
                inWord = true;
            } else if (blank.test(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The blanks that separate shell words. */
    private static boolean shellBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static int bashQuote(String line, int i, StringBuilder word) {
        char c = line.charAt(i);
        if (c == '\'') {
            int end = line.indexOf('\'', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed ' in: " + line);
            }
            word.append(line, i + 1, end);
            return end;
        } else if (c == '"') {
            i++;
            for (; i < line.length() && line.charAt(i) != '"'; i++) {
                char d = line.charAt(i);
                if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    d = line.charAt(++i);
                }
                word.append(d);
            }
            if (i >= line.length()) {
                throw new IllegalArgumentException("unclosed \" in: " + line);
            }
            return i;
        } else if (c == '\\' && i + 1 < line.length()) {
            word.append(line.charAt(i + 1));
            return i + 1;
        }
        return -1;
    }

    private static int powerShellQuote(String line, int i, StringBuilder word) {
        if (line.charAt(i) != '\'') {
            return -1;
        }
        for (i++; ; i++) {
            if (i >= line.length()) {
                throw new IllegalArgumentException("unclosed ' in: " + line);
            }
            if (line.charAt(i) == '\'') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    word.append('\'');
                    i++;
                } else {
                    return i;
                }
            } else {
                word.append(line.charAt(i));
            }
        }
    }

    /** A backslash escapes inside quotes too, and an unclosed quote runs to the end of the text. */
    private static int argFileQuote(String text, int i, StringBuilder word) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
            word.append(text.charAt(i + 1));
            return i + 1;
        } else if (c != '"' && c != '\'') {
            return -1;
        }
        for (i++; i < text.length() && text.charAt(i) != c; i++) {
            char d = text.charAt(i);
            if (d == '\\' && i + 1 < text.length()) {
                d = text.charAt(++i);
            }
            word.append(d);
        }
        return i;
    }
}
