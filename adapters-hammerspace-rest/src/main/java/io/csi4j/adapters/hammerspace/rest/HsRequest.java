package io.csi4j.adapters.hammerspace.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One call to the API: method, path below {@code /mgmt/v1.2/rest} built from segments that are percent-encoded
 * here (a {@code /} inside a share name or namespace path becomes {@code %2F}), query parameters encoded here, and
 * an optional JSON body. Bodies are byte arrays, so a request can be sent again in full after a re-login.
 */
public record HsRequest(String method, String path, Optional<byte[]> body) {

    public static Builder get(String... segments) {
        return new Builder("GET", segments);
    }

    public static Builder post(String... segments) {
        return new Builder("POST", segments);
    }

    public static Builder put(String... segments) {
        return new Builder("PUT", segments);
    }

    public static Builder delete(String... segments) {
        return new Builder("DELETE", segments);
    }

    /** The path template for logs and metrics: segments after the first are hidden (they carry names). */
    public String template() {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] parts = p.split("/");
        return method + " " + (parts.length > 1 ? parts[1] : "") + (parts.length > 2 ? "/..." : "");
    }

    /** Builds a request; the segments and values are raw text. */
    public static final class Builder {
        private final String method;
        private final StringBuilder path = new StringBuilder();
        private final List<String> query = new ArrayList<>();
        private byte[] body;

        private Builder(String method, String[] segments) {
            this.method = method;
            for (String s : segments) {
                path.append('/').append(s.isEmpty() ? "" : encodeSegment(s));
            }
        }

        /** A literal trailing slash (the API's {@code /data-portals/} has one). */
        public Builder trailingSlash() {
            path.append('/');
            return this;
        }

        public Builder query(String name, String value) {
            query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        public Builder json(byte[] json) {
            this.body = json.clone();
            return this;
        }

        public HsRequest build() {
            String p = query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
            return new HsRequest(method, p, Optional.ofNullable(body));
        }
    }

    /** Percent-encodes everything but the unreserved characters of RFC 3986. */
    static String encodeSegment(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
