package io.csi4j.adapters.local;

import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The durable facts of one snapshot: its source volume, the shape and size of the copy, and the time it was
 * cut (stored, so every later answer reports the same time).
 */
record SnapshotRecord(String name, String generation, VolumeId source, Shape shape, long sizeBytes, Instant created)
        implements SlotRecord {

    SequencedMap<String, String> fields() {
        SequencedMap<String, String> f = new LinkedHashMap<>();
        f.put("object", "snapshot");
        f.put("name", name);
        f.put("generation", generation);
        f.put("source", source.value());
        Fields.putShape(f, shape);
        f.put("size", Long.toString(sizeBytes));
        f.put("created", created.toString());
        return f;
    }

    static Either<String, SnapshotRecord> from(Map<String, String> f) {
        if (!"snapshot".equals(f.get("object"))) {
            return Either.left("record does not describe a snapshot");
        }
        return Fields.text(f, "name").flatMap(name -> SnapshotName.parse(name).mapLeft(x -> "record has a bad name"))
                .flatMap(name -> Fields.generation(f)
                        .flatMap(gen -> source(f)
                                .flatMap(src -> Fields.shape(f)
                                        .flatMap(shape -> Fields.size(f, "size")
                                                .flatMap(size -> created(f)
                                                        .map(at -> new SnapshotRecord(name.value(), gen, src, shape,
                                                                size, at)))))));
    }

    private static Either<String, VolumeId> source(Map<String, String> f) {
        return Fields.text(f, "source")
                .flatMap(s -> VolumeId.parse("source", s).mapLeft(x -> "record has a malformed source"));
    }

    private static Either<String, Instant> created(Map<String, String> f) {
        return Fields.text(f, "created").flatMap(s -> {
            try {
                return Either.right(Instant.parse(s));
            } catch (DateTimeParseException e) {
                return Either.left("record has a malformed creation time");
            }
        });
    }
}
