package io.csi4j.adapters.os;

import java.util.Map;
import java.util.TreeMap;

/** The stage record's text: one {@code key=value} line each, with backslash, newline and '=' escaped in keys. */
final class StageRecordFormat {

    private StageRecordFormat() {}

    static String write(Map<String, String> record) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(record).forEach((k, v) -> b.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return b.toString();
    }

    static Map<String, String> read(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            int eq = unescapedEquals(line);
            if (eq > 0) {
                out.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '=' -> b.append(key ? "\\=" : "=");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static int unescapedEquals(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
