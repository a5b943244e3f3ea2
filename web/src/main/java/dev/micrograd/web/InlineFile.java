package dev.micrograd.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes a file into a script as one global string, {@code window.NAME = "...";}: the page can then hand it to a
 * worker or to WebAssembly, which a page opened from {@code file://} cannot fetch. Text files travel as JSON
 * strings, binary ones as base64. Run by the site's build: {@code InlineFile text|base64 NAME IN OUT}, repeated.
 */
public final class InlineFile {
    private InlineFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 4 != 0) {
            System.err.println("usage: InlineFile (text|base64 NAME IN OUT)...");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i += 4) {
            Path in = Path.of(args[i + 2]);
            Path out = Path.of(args[i + 3]);
            byte[] bytes = Files.readAllBytes(in);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, script(args[i], args[i + 1], bytes), StandardCharsets.UTF_8);
        }
    }

    /** The script text for {@code bytes}, as text (UTF-8) or as base64. */
    static String script(String kind, String name, byte[] bytes) {
        StringBuilder s = new StringBuilder("window.").append(name).append(" = ");
        switch (kind) {
            case "text":
                Json.quote(s, new String(bytes, StandardCharsets.UTF_8));
                break;
            case "base64":
                s.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
                break;
            default:
                throw new IllegalArgumentException("the kind is text or base64, got '" + kind + "'");
        }
        return s.append(";\n").toString();
    }
}
