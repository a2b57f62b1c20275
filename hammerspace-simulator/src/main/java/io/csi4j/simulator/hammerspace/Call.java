package io.csi4j.simulator.hammerspace;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the API sees it: the method, the path below {@code /mgmt/v1.2/rest} split into decoded segments
 * (a {@code %2F} inside a segment stays inside it, as Go's {@code url.PathEscape} means it), the decoded query, the
 * body and the request headers that matter.
 */
record Call(String method, List<String> segments, Map<String, String> query, byte[] body, Optional<String> cookie,
        Optional<String> contentType) {

    static final String BASE = "/mgmt/v1.2/rest";

    /** Parses the raw path and query; empty when the path is not under the API base. */
    static Optional<Call> parse(String method, String rawPath, String rawQuery, byte[] body, Optional<String> cookie,
            Optional<String> contentType) {
        if (!rawPath.startsWith(BASE + "/") && !rawPath.equals(BASE)) {
            return Optional.empty();
        }
        String rest = rawPath.substring(BASE.length());
        List<String> segments = new ArrayList<>();
        if (rest.length() > 1) {
            // keep a trailing empty segment: GET /data-portals/ has one
            for (String s : rest.substring(1).split("/", -1)) {
                segments.add(decodeSegment(s));
            }
        }
        return Optional.of(new Call(method, List.copyOf(segments), queryOf(rawQuery), body, cookie, contentType));
    }

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : "";
    }

    int size() {
        return segments.size();
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** A form body ({@code application/x-www-form-urlencoded}) as a map. */
    Map<String, String> form() {
        return queryOf(new String(body, StandardCharsets.UTF_8));
    }

    /** A template of the path for statistics: {@code GET shares/{}}. */
    String template() {
        StringBuilder b = new StringBuilder(method).append(' ');
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                b.append('/');
            }
            b.append(i == 0 || isFixed(segments.get(0), i, segments.get(i)) ? segments.get(i) : "{}");
        }
        return b.toString();
    }

    private static boolean isFixed(String head, int index, String segment) {
        return switch (head) {
            case "share-snapshots" -> index == 1;
            case "shares" -> index == 2 && segment.equals("objective-set");
            case "file-snapshots" -> index == 1 && (segment.equals("create") || segment.equals("list")
                    || segment.equals("delete"));
            case "data-portals" -> segment.isEmpty();
            default -> false;
        };
    }

    static Map<String, String> queryOf(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Percent-decoding of a path segment: unlike a query, '+' is a plus here. */
    static String decodeSegment(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
