package io.csi4j.simulator.hammerspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The simulator's one JSON mapper. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body; empty when it is not JSON (the caller answers 400). */
    static Optional<JsonNode> parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return Optional.ofNullable(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
