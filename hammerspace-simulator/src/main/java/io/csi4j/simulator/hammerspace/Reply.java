package io.csi4j.simulator.hammerspace;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response: status, content type, body, and extra headers ({@code Location}, {@code Set-Cookie}). */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    static Reply json(int status, Object value) {
        return new Reply(status, JSON, Json.bytes(value), Map.of());
    }

    static Reply ok(Object value) {
        return json(200, value);
    }

    static Reply text(int status, String text) {
        return new Reply(status, TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply empty(int status) {
        return new Reply(status, TEXT, new byte[0], Map.of());
    }

    /** An error in the shape the Anvil uses for failed requests: a JSON object with a message. */
    static Reply error(int status, String message) {
        return json(status, Map.of("errorCode", status, "message", message));
    }

    static Reply accepted(String location) {
        return new Reply(202, TEXT, new byte[0], Map.of("Location", location));
    }

    Reply withHeader(String name, String value) {
        var h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h);
    }
}
