package io.csi4j.adapters.local;

import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * The durable facts of one volume, as its record file holds them. {@code parameters} are exactly the ones
 * the create request carried, so a retried request compares equal.
 */
record VolumeRecord(
        String name,
        String generation,
        Shape shape,
        long capacityBytes,
        Topology topology,
        Optional<ContentSource> source,
        Parameters parameters) implements SlotRecord {

    private static final String PARAM = "param.";
    private static final String TOPOLOGY = "topology.";

    VolumeRecord withCapacity(long bytes) {
        return new VolumeRecord(name, generation, shape, bytes, topology, source, parameters);
    }

    SequencedMap<String, String> fields() {
        SequencedMap<String, String> f = new LinkedHashMap<>();
        f.put("object", "volume");
        f.put("name", name);
        f.put("generation", generation);
        Fields.putShape(f, shape);
        f.put("capacity", Long.toString(capacityBytes));
        topology.segments().forEach((k, v) -> f.put(TOPOLOGY + k, v));
        source.ifPresent(s -> f.put(s instanceof ContentSource.FromSnapshot ? "source.snapshot" : "source.volume",
                s.sourceId()));
        parameters.values().forEach((k, v) -> f.put(PARAM + k, v));
        return f;
    }

    static Either<String, VolumeRecord> from(Map<String, String> f) {
        if (!"volume".equals(f.get("object"))) {
            return Either.left("record does not describe a volume");
        }
        return Fields.text(f, "name").flatMap(name -> VolumeName.parse(name).mapLeft(x -> "record has a bad name"))
                .flatMap(name -> Fields.generation(f)
                        .flatMap(gen -> Fields.shape(f)
                                .flatMap(shape -> Fields.size(f, "capacity")
                                        .flatMap(size -> source(f)
                                                .flatMap(src -> topology(f)
                                                        .map(top -> new VolumeRecord(name.value(), gen, shape, size,
                                                                top, src, new Parameters(prefixed(f, PARAM)))))))));
    }

    private static Either<String, Optional<ContentSource>> source(Map<String, String> f) {
        if (f.containsKey("source.snapshot")) {
            return SnapshotId.parse("source", f.get("source.snapshot")).mapLeft(x -> "record has a malformed source")
                    .map(id -> Optional.of(new ContentSource.FromSnapshot(id)));
        }
        if (f.containsKey("source.volume")) {
            return VolumeId.parse("source", f.get("source.volume")).mapLeft(x -> "record has a malformed source")
                    .map(id -> Optional.of(new ContentSource.FromVolume(id)));
        }
        return Either.right(Optional.empty());
    }

    private static Either<String, Topology> topology(Map<String, String> f) {
        return Topology.parse(prefixed(f, TOPOLOGY)).mapLeft(x -> "record has a malformed topology");
    }

    private static Map<String, String> prefixed(Map<String, String> f, String prefix) {
        Map<String, String> out = new TreeMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
