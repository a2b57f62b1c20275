package io.csi4j.simulator.intelliflash.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body into positional arguments. Clients send a JSON array of positional arguments (the common
 * form) or, like the swagger-generated SDKs, one object whose keys are {@code arg<N>_<Name>}; parameter-less
 * calls may have no body at all.
 */
public final class Bodies {

    private static final Pattern ARG = Pattern.compile("arg(\\d+)_.*");

    private Bodies() {}

    public static List<JsonNode> positional(ObjectMapper json, byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (java.io.IOException e) {
            throw ZebiError.invalid("the request body is not JSON: " + e.getMessage());
        }
        if (root.isArray()) {
            List<JsonNode> out = new ArrayList<>();
            root.forEach(out::add);
            return out;
        }
        if (root.isObject()) {
            return fromObject(root);
        }
        throw ZebiError.invalid("the request body must be a JSON array of arguments or an object of argN_ keys");
    }

    private static List<JsonNode> fromObject(JsonNode root) {
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Matcher m = ARG.matcher(e.getKey());
            if (!m.matches()) {
                throw ZebiError.invalid("unknown argument key '" + e.getKey() + "' (expected argN_Name)");
            }
            byIndex.put(Integer.parseInt(m.group(1)), e.getValue());
        }
        List<JsonNode> out = new ArrayList<>();
        byIndex.forEach((i, v) -> {
            while (out.size() < i) {
                out.add(null);
            }
            out.add(v);
        });
        return out;
    }
}
