package io.csi4j.domain.id;

/** Renders untrusted text for error messages: short, with control characters escaped. */
public final class Printable {

    private static final int MAX = 64;

    private Printable() {}

    public static String of(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(MAX).forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
                b.append(String.format("\\x%02x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        if (s.codePointCount(0, s.length()) > MAX) {
            b.append("...");
        }
        return b.toString();
    }
}
