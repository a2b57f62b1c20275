package io.csi4j.adapters.local;

import io.vavr.control.Either;
import java.util.Map;

/** Reading typed fields out of a decoded record; a missing or malformed field makes the record unreadable. */
final class Fields {

    private Fields() {}

    static Either<String, String> text(Map<String, String> fields, String key) {
        String v = fields.get(key);
        return v == null ? Either.left("record lacks " + key) : Either.right(v);
    }

    /** The generation, which must have the exact form ids carry. */
    static Either<String, String> generation(Map<String, String> fields) {
        return text(fields, "generation").flatMap(g -> SlotNames.isGeneration(g)
                ? Either.right(g)
                : Either.left("record has a malformed generation"));
    }

    static Either<String, Long> size(Map<String, String> fields, String key) {
        return text(fields, key).flatMap(v -> {
            try {
                long n = Long.parseLong(v);
                return n < 0 ? Either.left("record has a negative " + key) : Either.right(n);
            } catch (NumberFormatException e) {
                return Either.left("record has a malformed " + key);
            }
        });
    }

    static Either<String, Shape> shape(Map<String, String> fields) {
        return text(fields, "kind").flatMap(k -> Kind.fromParameter(k)
                .map(kind -> {
                    String fs = fields.getOrDefault("fs-type", "");
                    if (kind == Kind.DIRECTORY ? !fs.isEmpty() : !Shape.FS_TYPES.contains(fs)) {
                        return Either.<String, Shape>left("record has a kind and fs-type that do not fit");
                    }
                    return Either.<String, Shape>right(new Shape(kind, fs));
                })
                .orElseGet(() -> Either.left("record has an unknown kind")));
    }

    static void putShape(Map<String, String> fields, Shape shape) {
        fields.put("kind", shape.kind().parameter());
        if (!shape.fsType().isEmpty()) {
            fields.put("fs-type", shape.fsType());
        }
    }
}
