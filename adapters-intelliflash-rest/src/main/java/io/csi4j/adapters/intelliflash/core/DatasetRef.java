package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.ArrayPaths;
import java.util.Optional;

/**
 * A share or volume as the original drivers name it in volume ids: {@code <configName>:<project>:<name>}. The
 * pool is not part of it; it is found through the project.
 */
public record DatasetRef(String configName, String project, String name) {

    /** The id form, written by csi4j and the original drivers alike. */
    public String handle() {
        return configName + ":" + project + ":" + name;
    }

    public String path(String pool) {
        return ArrayPaths.dataset(pool, project, name);
    }

    /** Reads {@code config:project:name}; empty for anything else (three parts, each an array name). */
    public static Optional<DatasetRef> parse(String handle) {
        String[] parts = handle.split(":", -1);
        if (parts.length != 3 || !ArrayNames.valid(parts[1]) || !ArrayNames.valid(parts[2]) || parts[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DatasetRef(parts[0], parts[1], parts[2]));
    }

    @Override
    public String toString() {
        return handle();
    }
}
