package dev.micrograd.exercise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The line protocol between the harness in the checked JVM and the supervisor: each message is a list of
 * fields, sent as one line signed with HMAC-SHA256 over a per-run secret and a sequence number, so that
 * nothing the student's code prints, replays or reorders can pass for a result.
 */
final class Channel {
    /** Longer lines are not the harness's (it caps what it sends), so they count as forged. */
    static final int MAX_LINE = 1 << 20;

    private Channel() {
    }

    /** A fresh random secret, as text, for one run. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Loads the MAC's provider ahead of time, so the checked JVM does it before the secret arrives. */
    static void warmUp() {
        mac("0");
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] sign(Mac mac, long sequence, String payload) {
        mac.update((sequence + ":").getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
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

    /** Thrown when a line does not carry the right signature. */
    static final class Forged extends IOException {
        Forged(String why) {
            super(why);
        }
    }

    /**
     * The key the shutdown hook signs with: a hook is reachable from the JDK's list of hooks, so it holds a key
     * that the supervisor accepts for the "exit" message only, never for a result; a one-way hash, so that
     * the hook's key does not lead back to the secret.
     */
    static String exitSecret(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("exit:" + secret).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The sending end, used only by the harness; one lock (the stream) keeps messages whole across threads. */
    static final class Writer {
        private final OutputStream out;
        private final Mac mac;
        private long sequence;

        Writer(OutputStream out, String secret) {
            this.out = out;
            this.mac = mac(secret);
        }

        void send(String... fields) throws IOException {
            synchronized (out) {
                write(fields);
            }
        }

        private void write(String... fields) throws IOException {
            StringBuilder payload = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                payload.append(i > 0 ? "\t" : "").append(escape(fields[i]));
            }
            String text = payload.toString();
            String line = HexFormat.of().formatHex(sign(mac, sequence++, text)) + " " + text + "\n";
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** The receiving end, used only by the supervisor. */
    static final class Reader {
        private final InputStream in;
        private final Mac mac;
        private final Mac exitMac;
        private long sequence;
        private long exitSequence;

        Reader(InputStream in, String secret) {
            this.in = in;
            this.mac = mac(secret);
            this.exitMac = mac(exitSecret(secret));
        }

        /** The next message's fields, or null at the end of the stream; throws {@link Forged} for a bad line. */
        List<String> read() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    if (line.size() == 0) {
                        return null;
                    }
                    throw new Forged("the channel ended in the middle of a message");
                }
                if (line.size() >= MAX_LINE) {
                    throw new Forged("a message longer than the harness ever sends");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (space != 64) {
                throw new Forged("a message without a signature");
            }
            byte[] claimed;
            try {
                claimed = HexFormat.of().parseHex(text, 0, space);
            } catch (IllegalArgumentException e) {
                throw new Forged("a message without a signature");
            }
            String payload = text.substring(space + 1);
            if (MessageDigest.isEqual(claimed, sign(mac, sequence, payload))) {
                sequence++;
                return split(payload);
            }
            if (payload.startsWith("exit\t") && MessageDigest.isEqual(claimed, sign(exitMac, exitSequence, payload))) {
                exitSequence++;
                return split(payload);
            }
            throw new Forged("a message with a wrong signature");
        }
    }
}
