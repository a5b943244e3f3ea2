package dev.micrograd.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little HTML reading the site tests need: text without tags, and character references decoded. */
final class Html {
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|quot|amp|lt|gt|apos|nbsp);");

    private Html() {
    }

    /** The text of an HTML fragment: tags dropped, character references decoded. */
    static String text(String html) {
        return decode(html.replaceAll("<[^>]*>", ""));
    }

    /** Decodes the character references Asciidoctor writes: numeric ones and the five XML names, plus nbsp. */
    static String decode(String html) {
        Matcher m = REFERENCE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String text;
            switch (name) {
                case "quot": text = "\""; break;
                case "amp": text = "&"; break;
                case "lt": text = "<"; break;
                case "gt": text = ">"; break;
                case "apos": text = "'"; break;
                case "nbsp": text = "\u00a0"; break;
                default:
                    int code = name.startsWith("#x") || name.startsWith("#X")
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    text = new String(Character.toChars(code));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
