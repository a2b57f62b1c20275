package io.csi4j.adapters.local;

import io.vavr.control.Either;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.CRC32C;

/**
 * The on-disk form of a record: UTF-8 lines {@code key=value}, a first line naming the format and its
 * version, and a last line {@code end=<crc32c>} over every byte before it. Backslash escapes ({@code \\},
 * {@code \n}, {@code \r}, {@code \=}) let names and parameters hold any text. A file that lacks the end line,
 * fails the checksum, or is not valid UTF-8 is torn (a write that a crash cut short) and is rejected whole.
 */
final class RecordCodec {

    static final String HEADER = "csi4j-local-record=1";
    static final int MAX_BYTES = 64 * 1024;
    private static final String END = "end=";

    private RecordCodec() {}

    static byte[] encode(SequencedMap<String, String> fields) {
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        fields.forEach((k, v) -> body.append(escape(k)).append('=').append(escape(v)).append('\n'));
        byte[] head = body.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = (END + checksum(head, head.length) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** The fields, or why the bytes are not a complete record. */
    static Either<String, SequencedMap<String, String>> decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Either.left("record is larger than " + MAX_BYTES + " bytes");
        }
        int endLine = lastLineStart(bytes);
        if (endLine < 0) {
            return Either.left("record is torn: it does not end with a complete line");
        }
        String last = new String(bytes, endLine, bytes.length - endLine - 1, StandardCharsets.US_ASCII);
        if (!last.equals(END + checksum(bytes, endLine))) {
            return Either.left("record is torn: its end line is missing or its checksum does not match");
        }
        return utf8(bytes, endLine).flatMap(RecordCodec::fields);
    }

    private static Either<String, SequencedMap<String, String>> fields(String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            return Either.left("record has an unknown format or version: " + lines[0]);
        }
        SequencedMap<String, String> out = new LinkedHashMap<>();
        // The text ends with '\n', so the last split element is empty.
        for (int i = 1; i < lines.length - 1; i++) {
            Either<String, Map.Entry<String, String>> entry = line(lines[i]);
            if (entry.isLeft()) {
                return Either.left(entry.getLeft());
            }
            if (out.putIfAbsent(entry.get().getKey(), entry.get().getValue()) != null) {
                return Either.left("record repeats the key " + entry.get().getKey());
            }
        }
        return Either.right(out);
    }

    private static Either<String, Map.Entry<String, String>> line(String line) {
        int eq = unescapedEquals(line);
        if (eq < 0) {
            return Either.left("record has a line without '='");
        }
        return unescape(line.substring(0, eq))
                .flatMap(k -> unescape(line.substring(eq + 1)).map(v -> Map.entry(k, v)));
    }

    private static int unescapedEquals(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '=' -> b.append("\\=");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static Either<String, String> unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == s.length()) {
                return Either.left("record ends a field with a lone backslash");
            }
            switch (s.charAt(i)) {
                case '\\' -> b.append('\\');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case '=' -> b.append('=');
                default -> {
                    return Either.left("record has an unknown escape \\" + s.charAt(i));
                }
            }
        }
        return Either.right(b.toString());
    }

    private static int lastLineStart(byte[] bytes) {
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            return -1;
        }
        int i = bytes.length - 2;
        while (i >= 0 && bytes[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    private static String checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return String.format("%08x", crc.getValue());
    }

    private static Either<String, String> utf8(byte[] bytes, int length) {
        try {
            return Either.right(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString());
        } catch (CharacterCodingException e) {
            return Either.left("record is not valid UTF-8");
        }
    }
}
