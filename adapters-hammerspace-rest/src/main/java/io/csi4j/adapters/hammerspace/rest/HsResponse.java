package io.csi4j.adapters.hammerspace.rest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What the API answered: status, body, and the {@code Location} header of a 202. */
public record HsResponse(int status, byte[] body, Optional<String> location) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean is(int code) {
        return status == code;
    }
}
