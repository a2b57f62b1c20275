package io.csi4j.adapters.hammerspace.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The adapter's JSON mapper, tolerant of keys it does not know. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {}

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as JSON; a body that is not JSON is a Defect of the server (a retry sends the same). */
    static Either<Failure, JsonNode> tree(String what, HsResponse r) {
        try {
            JsonNode n = MAPPER.readTree(r.body());
            return n == null ? Either.left(Failure.defect("Hammerspace answered " + what + " with an empty body"))
                    : Either.right(n);
        } catch (IOException e) {
            return Either.left(Failure.defect("Hammerspace answered " + what + " with a body that is not JSON: "
                    + Statuses.shorten(e.getMessage())));
        }
    }
}
