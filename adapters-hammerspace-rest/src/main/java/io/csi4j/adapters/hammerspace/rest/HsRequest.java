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
 *
 * <p>The builder's fixed segments are the API's own words ({@code shares}, {@code snapshot-list}); a name or id
 * goes in with {@link Builder#var}, so the request knows its endpoint template ({@code /shares/{name}}) for logs
 * and metrics, where no name may appear.
 *
 * @param template the path with each variable segment as {@code {placeholder}} and without the query
 */
public record HsRequest(String method, String path, String template, Optional<byte[]> body) {

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

    /** Builds a request; the segments and values are raw text. */
    public static final class Builder {
        private final String method;
        private final StringBuilder path = new StringBuilder();
        private final StringBuilder template = new StringBuilder();
        private final List<String> query = new ArrayList<>();
        private byte[] body;

        /** {@code segments}: the API's fixed words, which the template keeps as they are. */
        private Builder(String method, String[] segments) {
            this.method = method;
            for (String s : segments) {
                path.append('/').append(s.isEmpty() ? "" : encodeSegment(s));
                template.append('/').append(s);
            }
        }

        /** A variable segment: {@code value} in the path, {@code {placeholder}} in the template. */
        public Builder var(String placeholder, String value) {
            path.append('/').append(value.isEmpty() ? "" : encodeSegment(value));
            template.append("/{").append(placeholder).append('}');
            return this;
        }

        /** A fixed segment after a variable one: one of the API's words, kept in the template as it is. */
        public Builder word(String word) {
            path.append('/').append(encodeSegment(word));
            template.append('/').append(word);
            return this;
        }

        /** A literal trailing slash (the API's {@code /data-portals/} has one). */
        public Builder trailingSlash() {
            path.append('/');
            template.append('/');
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
            return new HsRequest(method, p, template.toString(), Optional.ofNullable(body));
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
