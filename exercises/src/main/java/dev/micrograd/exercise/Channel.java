package dev.micrograd.exercise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol on the checking JVM's own standard output: each message is a list of fields on one line.
 * It carries no signature and needs none, since nothing that arrives decides a verdict: the supervisor
 * reads answers from it and judges them, so a message the student's code forges is at most a wrong answer.
 */
final class Channel {
    /** A longer line is cut off and ignored, so a flood of output cannot fill the supervisor's memory. */
    static final int MAX_LINE = 8 << 20;

    private Channel() {
    }

    /** Tabs and line breaks are escaped so that one message is always one line. */
    static String escape(String field) {
        StringBuilder s = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    static List<String> split(String payload) {
        List<String> fields = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '\t') {
                fields.add(s.toString());
                s.setLength(0);
            } else if (c == '\\' && i + 1 < payload.length()) {
                char n = payload.charAt(++i);
                s.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                s.append(c);
            }
        }
        fields.add(s.toString());
        return fields;
    }

    /** The sending end, in the checking JVM; one lock (the stream) keeps messages whole across threads. */
    static final class Writer {
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        void send(String... fields) throws IOException {
            send(List.of(fields));
        }

        void send(List<String> fields) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                line.append(i > 0 ? "\t" : "").append(escape(fields.get(i)));
            }
            byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        }
    }

    /** The receiving end, in the supervisor. */
    static final class Reader {
        private final InputStream in;

        Reader(InputStream in) {
            this.in = in;
        }

        /** The next message's fields (an empty list for an overlong line), or null at the end of the stream. */
        List<String> read() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean overlong = false;
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    return null;
                }
                if (line.size() < MAX_LINE) {
                    line.write(b);
                } else {
                    overlong = true;
                }
            }
            return overlong ? List.of() : split(line.toString(StandardCharsets.UTF_8));
        }
    }
}
