package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;

/** Length and character rules that CSI places on strings (spec: 128 bytes, no control characters). */
public final class Text {

    /** The CSI limit for any string field unless stated otherwise, counted in UTF-8 bytes. */
    public static final int MAX_BYTES = 128;

    private Text() {}

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * True for the characters CSI bans in names: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+007F–U+009F.
     * Tab, line feed and carriage return are allowed.
     */
    public static boolean isBannedInName(int codePoint) {
        return (codePoint <= 0x08)
                || codePoint == 0x0B
                || codePoint == 0x0C
                || (codePoint >= 0x0E && codePoint <= 0x1F)
                || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /** Checks a CO-chosen name (volume, snapshot): present, at most 128 bytes, no banned characters. */
    public static Either<Failure, String> checkName(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Either.left(Failure.invalidArgument(field + " is required"));
        }
        if (utf8Length(value) > MAX_BYTES) {
            return Either.left(Failure.invalidArgument(field + " is longer than " + MAX_BYTES + " bytes"));
        }
        if (value.codePoints().anyMatch(Text::isBannedInName)) {
            return Either.left(Failure.invalidArgument(field + " contains a control character"));
        }
        return Either.right(value);
    }

    /** Checks an identifier we issued (or a legacy one): printable ASCII without spaces, at most 128 bytes. */
    public static Either<Failure, String> checkId(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Either.left(Failure.invalidArgument(field + " is required"));
        }
        if (value.length() > MAX_BYTES) {
            return Either.left(Failure.invalidArgument(field + " is longer than " + MAX_BYTES + " bytes"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return Either.left(Failure.invalidArgument(field + " contains a character outside printable ASCII"));
            }
        }
        return Either.right(value);
    }
}
