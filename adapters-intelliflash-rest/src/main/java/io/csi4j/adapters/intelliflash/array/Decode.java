package io.csi4j.adapters.intelliflash.array;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lenient readers for the array's answers: numbers that come as strings, booleans as "true", lists of objects. */
final class Decode {

    private Decode() {}

    static long number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean bool(JsonNode n) {
        return n != null && (n.isBoolean() ? n.booleanValue() : "true".equalsIgnoreCase(n.asText()));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static <T> Either<RestError, List<T>> list(String method, JsonNode n, Function<JsonNode, T> each) {
        if (n.isMissingNode()) {
            return Either.right(List.of());
        }
        if (!n.isArray()) {
            return Either.left(protocol(method, "a list"));
        }
        List<T> out = new ArrayList<>();
        n.forEach(e -> out.add(each.apply(e)));
        return Either.right(out);
    }

    /** COMMAND_STATUS: 0 is success; any other value is a failure the array did not explain. */
    static Either<RestError, JsonNode> status(String method, JsonNode n) {
        if (n.isMissingNode() || (n.isNumber() && n.intValue() == 0)) {
            return Either.right(n);
        }
        return Either.left(new RestError(RestError.Kind.ARRAY, "EZEBI_GENERAL", method + " returned status "
                + n.asText(), 200, false));
    }

    static RestError protocol(String method, String expected) {
        return new RestError(RestError.Kind.PROTOCOL, "", method + " did not answer with " + expected, 200, false);
    }
}
