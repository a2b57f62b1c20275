package io.csi4j.adapters.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csi4j.adapters.hammerspace.rest.Json;
import java.util.Optional;

/**
 * What the catalog remembers of a snapshot this driver cut: the CO's name, the id, the source volume, the size a
 * restore needs at least, and the creation time (stable across repeated CreateSnapshot calls).
 */
record SnapshotRecord(String name, String id, String sourceVolumeId, long sizeBytes, long createdMillis) {

    byte[] toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("version", 1).put("name", name).put("id", id).put("source", sourceVolumeId).put("sizeBytes", sizeBytes)
                .put("createdMillis", createdMillis);
        return Json.bytes(o);
    }

    static Optional<SnapshotRecord> fromJson(JsonNode n) {
        if (n.path("version").asInt() != 1 || n.path("name").asText("").isEmpty() || n.path("id").asText("").isEmpty()
                || n.path("source").asText("").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotRecord(n.get("name").asText(), n.get("id").asText(), n.get("source").asText(),
                n.path("sizeBytes").asLong(0), n.path("createdMillis").asLong(0)));
    }
}
