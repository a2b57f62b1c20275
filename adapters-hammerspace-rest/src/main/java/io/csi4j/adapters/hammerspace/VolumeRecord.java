package io.csi4j.adapters.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csi4j.adapters.hammerspace.rest.Json;
import io.csi4j.domain.volume.Parameters;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the catalog remembers of a volume this driver made: the CO's name, the id, the kind, the creation
 * parameters and size, and the content source. It is written once the volume is complete, so its presence means
 * "created"; the volume's existence and size are always read from the Anvil.
 *
 * @param source {@code snapshot:<id>} or {@code volume:<id>}, empty when created blank
 * @param generation how many volumes were made under this CO name, this one included (see {@link Names#share})
 */
record VolumeRecord(String name, String id, Kind kind, Parameters parameters, long sizeBytes, Optional<String> source,
        long createdMillis, long generation) {

    VolumeRecord withSize(long bytes) {
        return new VolumeRecord(name, id, kind, parameters, bytes, source, createdMillis, generation);
    }

    byte[] toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("version", 1).put("name", name).put("id", id).put("kind", kind.name()).put("sizeBytes", sizeBytes)
                .put("createdMillis", createdMillis).put("generation", generation);
        source.ifPresent(s -> o.put("source", s));
        ObjectNode p = o.putObject("parameters");
        parameters.values().forEach(p::put);
        return Json.bytes(o);
    }

    static Optional<VolumeRecord> fromJson(JsonNode n) {
        Optional<Kind> kind = Kind.parse(n.path("kind").asText(""));
        if (n.path("version").asInt() != 1 || kind.isEmpty() || n.path("name").asText("").isEmpty()
                || n.path("id").asText("").isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = new TreeMap<>();
        n.path("parameters").properties().forEach(f -> params.put(f.getKey(), f.getValue().asText()));
        return Optional.of(new VolumeRecord(n.get("name").asText(), n.get("id").asText(), kind.get(),
                new Parameters(params), n.path("sizeBytes").asLong(0),
                n.hasNonNull("source") ? Optional.of(n.get("source").asText()) : Optional.empty(),
                n.path("createdMillis").asLong(0), Math.max(1, n.path("generation").asLong(1))));
    }
}
