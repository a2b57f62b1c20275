package io.csi4j.adapters.intelliflash.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What csi4j records about a share or volume it made, kept as JSON in the dataset's free-text {@code purpose}
 * (the array has no other per-dataset field for it): the CO's name and parameters, the content source, the
 * temporary snapshot a clone of a volume depends on, static ACL entries, the nodes it is published to, snapshot
 * creation times, and whether the volume was deleted while snapshots still needed it. It is written last when a
 * volume is made, so a dataset without it was not finished (or was not made by csi4j).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Metadata(
        @JsonProperty("csi4j") int version,
        @JsonProperty("name") String name,
        @JsonProperty("params") Map<String, String> params,
        @JsonProperty("source") String source,
        @JsonProperty("sourceKind") String sourceKind,
        @JsonProperty("tmp") String tempSnapshot,
        @JsonProperty("acl") List<String> staticAcl,
        @JsonProperty("nodes") Map<String, Boolean> nodes,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("snaps") Map<String, SnapshotMeta> snapshots) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** When a snapshot was cut and the size of its source then; {@code n} is the CO's name when it was hashed. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record SnapshotMeta(@JsonProperty("t") long createdMillis, @JsonProperty("s") long sizeBytes,
            @JsonProperty("n") String coName) {
        public SnapshotMeta {
            coName = coName == null ? "" : coName;
        }
    }

    public Metadata {
        name = name == null ? "" : name;
        params = params == null ? Map.of() : new TreeMap<>(params);
        source = source == null ? "" : source;
        sourceKind = sourceKind == null ? "" : sourceKind;
        tempSnapshot = tempSnapshot == null ? "" : tempSnapshot;
        staticAcl = staticAcl == null ? List.of() : List.copyOf(staticAcl);
        nodes = nodes == null ? Map.of() : new TreeMap<>(nodes);
        snapshots = snapshots == null ? Map.of() : new TreeMap<>(snapshots);
    }

    public static Metadata created(String name, Map<String, String> params) {
        return new Metadata(1, name, params, "", "", "", List.of(), Map.of(), false, Map.of());
    }

    /** The record in a dataset's purpose; empty when the purpose is not one of ours. */
    public static Optional<Metadata> read(String purpose) {
        if (purpose == null || !purpose.startsWith("{")) {
            return Optional.empty();
        }
        try {
            Metadata m = JSON.readValue(purpose, Metadata.class);
            return m.version() >= 1 ? Optional.of(m) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public String write() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata always encodes", e);
        }
    }

    public Metadata withSource(String id, String kind, String temp) {
        return new Metadata(version, name, params, id, kind, temp, staticAcl, nodes, deleted, snapshots);
    }

    public Metadata withStaticAcl(List<String> acl) {
        return new Metadata(version, name, params, source, sourceKind, tempSnapshot, acl, nodes, deleted, snapshots);
    }

    public Metadata withNode(String node, boolean readOnly) {
        Map<String, Boolean> n = new LinkedHashMap<>(nodes);
        n.put(node, readOnly);
        return new Metadata(version, name, params, source, sourceKind, tempSnapshot, staticAcl, n, deleted, snapshots);
    }

    public Metadata withoutNode(String node) {
        Map<String, Boolean> n = new LinkedHashMap<>(nodes);
        n.remove(node);
        return new Metadata(version, name, params, source, sourceKind, tempSnapshot, staticAcl, n, deleted, snapshots);
    }

    public Metadata withoutNodes() {
        return new Metadata(version, name, params, source, sourceKind, tempSnapshot, staticAcl, Map.of(), deleted, snapshots);
    }

    public Metadata markedDeleted() {
        return new Metadata(version, name, params, source, sourceKind, tempSnapshot, staticAcl, Map.of(), true, snapshots);
    }

    /** Records a snapshot and forgets those not in {@code existing} (deleted meanwhile). */
    public Metadata withSnapshot(String arrayName, SnapshotMeta meta, List<String> existing) {
        Map<String, SnapshotMeta> s = new TreeMap<>();
        snapshots.forEach((k, v) -> {
            if (existing.contains(k)) {
                s.put(k, v);
            }
        });
        s.put(arrayName, meta);
        return new Metadata(version, name, params, source, sourceKind, tempSnapshot, staticAcl, nodes, deleted, s);
    }
}
