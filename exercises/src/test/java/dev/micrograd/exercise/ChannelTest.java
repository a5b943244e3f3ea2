package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One message per line, whatever its fields hold; an overlong line is dropped, never kept in memory. */
class ChannelTest {
    private static Channel.Reader reader(byte[] bytes) {
        return new Channel.Reader(new ByteArrayInputStream(bytes));
    }

    @Test
    void messagesArriveWholeWithTabsAndLineBreaksInTheirFields() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Channel.Writer writer = new Channel.Writer(bytes);
        writer.send("begin", "1");
        writer.send("answer", "1", "a\tb\nc\\d");
        Channel.Reader reader = reader(bytes.toByteArray());
        assertEquals(List.of("begin", "1"), reader.read());
        assertEquals(List.of("answer", "1", "a\tb\nc\\d"), reader.read());
        assertNull(reader.read());
    }

    @Test
    void anOverlongLineIsDroppedAndTheNextOneStillArrives() throws IOException {
        byte[] flood = new byte[Channel.MAX_LINE + 10];
        java.util.Arrays.fill(flood, (byte) 'x');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(flood);
        bytes.write("\ndone\n".getBytes(StandardCharsets.UTF_8));
        Channel.Reader reader = reader(bytes.toByteArray());
        assertEquals(List.of(), reader.read());
        assertEquals(List.of("done"), reader.read());
    }

    @Test
    void answersKeepEveryDoubleExactly() {
        double[] xs = {0.1 + 0.2, -0.0, Double.MIN_VALUE, 1e308, Math.PI};
        assertEquals(java.util.Arrays.toString(xs),
                java.util.Arrays.toString(Answer.ofFields(Answer.numbers(xs).fields()).numbers()));
    }
}
