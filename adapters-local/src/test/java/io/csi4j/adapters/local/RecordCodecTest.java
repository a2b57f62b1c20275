package io.csi4j.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private static SequencedMap<String, String> sample() {
        SequencedMap<String, String> f = new LinkedHashMap<>();
        f.put("object", "volume");
        f.put("name", "tab\tnew\nline\rcr = equals \\ backslash ünï 名");
        f.put("param.key=with=equals", "value\nwith\\n escapes");
        f.put("empty", "");
        return f;
    }

    @Test
    void anyTextRoundTrips() {
        byte[] bytes = RecordCodec.encode(sample());

        assertThat(RecordCodec.decode(bytes).get()).containsExactlyEntriesOf(sample());
    }

    @Test
    void everyTruncationOfARecordIsRejectedAsTorn() {
        byte[] bytes = RecordCodec.encode(sample());

        for (int n = 0; n < bytes.length; n++) {
            assertThat(RecordCodec.decode(Arrays.copyOf(bytes, n)).isLeft()).as("prefix of %d bytes", n).isTrue();
        }
    }

    @Test
    void aChangedByteIsRejected() {
        byte[] bytes = RecordCodec.encode(sample());

        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x04;
            assertThat(RecordCodec.decode(changed).isLeft()).as("byte %d changed", i).isTrue();
        }
    }

    @Test
    void anotherFormatOrVersionIsRejected() {
        String body = "csi4j-local-record=2\nname=x\n";
        assertThat(RecordCodec.decode(withEnd(body)).getLeft()).contains("unknown format or version");
    }

    @Test
    void aRepeatedKeyOrAnUnknownEscapeIsRejected() {
        assertThat(RecordCodec.decode(withEnd(RecordCodec.HEADER + "\nname=a\nname=b\n")).getLeft()).contains("repeats");
        assertThat(RecordCodec.decode(withEnd(RecordCodec.HEADER + "\nname=a\\tb\n")).getLeft()).contains("escape");
        assertThat(RecordCodec.decode(withEnd(RecordCodec.HEADER + "\nno equals sign\n")).getLeft()).contains("'='");
    }

    @Test
    void anOversizedFileIsRejectedWithoutDecoding() {
        assertThat(RecordCodec.decode(new byte[RecordCodec.MAX_BYTES + 1]).getLeft()).contains("larger");
    }

    /** A body with a correct end line, built the way the codec builds it. */
    private static byte[] withEnd(String body) {
        byte[] head = body.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(head);
        return (body + "end=" + String.format("%08x", crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
