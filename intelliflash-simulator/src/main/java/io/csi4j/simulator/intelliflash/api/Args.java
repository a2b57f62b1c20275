package io.csi4j.simulator.intelliflash.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A method's positional arguments, with the array's lenient coercion: clients send booleans and numbers as
 * strings ({@code "true"}, {@code "1073741824"}), and the array accepts them.
 */
public final class Args {

    private final String method;
    private final List<JsonNode> values;

    public Args(String method, List<JsonNode> values) {
        this.method = method;
        this.values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }

    public JsonNode node(int i) {
        if (i >= values.size() || values.get(i) == null || values.get(i).isNull()) {
            throw ZebiError.invalid(method + ": argument " + i + " is missing");
        }
        return values.get(i);
    }

    public Optional<JsonNode> optional(int i) {
        return i < values.size() && values.get(i) != null && !values.get(i).isNull()
                ? Optional.of(values.get(i)) : Optional.empty();
    }

    public String string(int i) {
        JsonNode n = node(i);
        if (!n.isValueNode()) {
            throw ZebiError.invalid(method + ": argument " + i + " must be a string");
        }
        return n.asText();
    }

    public boolean bool(int i) {
        return bool(method + ": argument " + i, node(i));
    }

    public boolean boolOr(int i, boolean fallback) {
        return optional(i).map(n -> bool(method + ": argument " + i, n)).orElse(fallback);
    }

    public long number(int i) {
        return number(method + ": argument " + i, node(i));
    }

    public JsonNode object(int i) {
        JsonNode n = node(i);
        if (!n.isObject()) {
            throw ZebiError.invalid(method + ": argument " + i + " must be an object");
        }
        return n;
    }

    public List<String> strings(int i) {
        JsonNode n = node(i);
        if (!n.isArray()) {
            throw ZebiError.invalid(method + ": argument " + i + " must be a list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    public static boolean bool(String what, JsonNode n) {
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return switch (n.asText().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ZebiError.invalid(what + " must be true or false: '" + n.asText() + "'");
        };
    }

    public static long number(String what, JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            throw new ZebiError("EZEBI_INVALID_NUMBER_VALUE_GENERAL", what + " must be a number: '" + n.asText() + "'");
        }
    }

    /** A field of an object argument, coerced like a positional one; empty when absent or null. */
    public static Optional<JsonNode> field(JsonNode object, String name) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public static String requiredText(JsonNode object, String name, String what) {
        return field(object, name).map(JsonNode::asText).filter(s -> !s.isEmpty())
                .orElseThrow(() -> ZebiError.invalid(what + ": " + name + " is required"));
    }
}
