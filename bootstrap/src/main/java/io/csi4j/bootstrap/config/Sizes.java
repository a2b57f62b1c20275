package io.csi4j.bootstrap.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes the way Kubernetes quantities read: {@code 1073741824}, {@code 1Gi}, {@code 500Mi}, {@code 2G}. */
public final class Sizes {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([KMGTPE]i?)?B?", Pattern.CASE_INSENSITIVE);

    private Sizes() {}

    /** The size in bytes, or empty when the text is not a size or overflows. */
    public static OptionalLong parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
            long factor = unit.isEmpty() ? 1 : factor(unit.charAt(0), unit.endsWith("I"));
            return OptionalLong.of(Math.multiplyExact(n, factor));
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static long factor(char prefix, boolean binary) {
        int power = "KMGTPE".indexOf(prefix) + 1;
        long base = binary ? 1024 : 1000;
        long f = 1;
        for (int i = 0; i < power; i++) {
            f = Math.multiplyExact(f, base);
        }
        return f;
    }
}
