package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the harness, which holds the run's secret, can put a message on the channel, and only once. */
class ChannelTest {
    private final String secret = Channel.newSecret();

    private static Channel.Reader reader(String text, String secret) {
        return new Channel.Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), secret);
    }

    private static String sent(String secret, String[]... messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Channel.Writer writer = new Channel.Writer(bytes, secret);
        for (String[] message : messages) {
            writer.send(message);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void signedMessagesArriveWholeWithTabsAndLineBreaksInTheirFields() throws IOException {
        Channel.Reader reader = reader(sent(secret, new String[] {"hello"}, new String[] {"end", "1", "a\tb\nc\\d"}), secret);
        assertEquals(List.of("hello"), reader.read());
        assertEquals(List.of("end", "1", "a\tb\nc\\d"), reader.read());
        assertNull(reader.read());
    }

    @Test
    void aPrintedLineIsRejected() {
        Channel.Reader reader = reader("end\t1\tpass\t\t\n", secret);
        assertEquals("a message without a signature", assertThrows(Channel.Forged.class, reader::read).getMessage());
    }

    @Test
    void aMessageSignedWithAnotherSecretIsRejected() throws IOException {
        Channel.Reader reader = reader(sent(Channel.newSecret(), new String[] {"done"}), secret);
        assertEquals("a message with a wrong signature", assertThrows(Channel.Forged.class, reader::read).getMessage());
    }

    @Test
    void aReplayedMessageIsRejected() throws IOException {
        String pass = sent(secret, new String[] {"end", "1", "pass", "", ""});
        Channel.Reader reader = reader(pass + pass, secret);
        assertEquals("pass", reader.read().get(2));
        assertThrows(Channel.Forged.class, reader::read);
    }

    @Test
    void theShutdownHooksKeySignsAnExitButNeverAResult() throws IOException {
        String exitKey = Channel.exitSecret(secret);
        assertEquals(List.of("exit", "Ex03.java:7"), reader(sent(exitKey, new String[] {"exit", "Ex03.java:7"}), secret).read());
        Channel.Reader reader = reader(sent(exitKey, new String[] {"end", "1", "pass", "", ""}), secret);
        assertThrows(Channel.Forged.class, reader::read);
    }
}
