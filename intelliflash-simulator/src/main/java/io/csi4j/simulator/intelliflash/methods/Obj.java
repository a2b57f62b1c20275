package io.csi4j.simulator.intelliflash.methods;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a JSON object response with its keys in the order written. */
final class Obj {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Obj of() {
        return new Obj();
    }

    Obj put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    Map<String, Object> map() {
        return fields;
    }
}
