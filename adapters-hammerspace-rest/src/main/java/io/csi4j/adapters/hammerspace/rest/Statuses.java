package io.csi4j.adapters.hammerspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.domain.failure.Failure;

/**
 * Turns an HTTP status the caller did not expect into a failure. A 400 is the Anvil refusing the request as asked
 * (InvalidArgument, with its message); 404 NotFound; 403 PermissionDenied (the role lacks a right); 409 and 429
 * mean busy, and 5xx a server problem: all retryable, so never a Defect.
 */
public final class Statuses {

    private Statuses() {}

    public static Failure failure(String what, HsResponse r) {
        String detail = " (HTTP " + r.status() + (message(r).isEmpty() ? "" : ": " + message(r)) + ")";
        return switch (r.status()) {
            case 400, 422 -> Failure.invalidArgument("Hammerspace refused to " + what + detail);
            case 401 -> new Failure.Unauthenticated("Hammerspace rejected the session for " + what + detail);
            case 403 -> new Failure.PermissionDenied("the Hammerspace user may not " + what + detail);
            case 404 -> Failure.notFound("Hammerspace does not know what to " + what + detail);
            case 409, 423, 429 -> Failure.pending("Hammerspace is busy and could not " + what + detail);
            default -> Failure.unavailable("Hammerspace could not " + what + detail);
        };
    }

    /** The server's message: the {@code message} of a JSON error, else the text; short and printable. */
    public static String message(HsResponse r) {
        String text = r.text().strip();
        if (text.startsWith("{")) {
            try {
                JsonNode n = Json.MAPPER.readTree(text);
                if (n.hasNonNull("message")) {
                    text = n.get("message").asText();
                }
            } catch (java.io.IOException e) {
                // not JSON after all: keep the text
            }
        }
        return shorten(text);
    }

    /** At most 200 characters with control characters escaped: server text goes into status messages. */
    static String shorten(String s) {
        String t = s == null ? "" : s;
        StringBuilder b = new StringBuilder();
        t.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
                b.append(String.format("\\x%02x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return t.codePointCount(0, t.length()) > 200 ? b + "..." : b.toString();
    }
}
