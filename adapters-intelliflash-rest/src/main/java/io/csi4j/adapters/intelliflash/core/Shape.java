package io.csi4j.adapters.intelliflash.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;
import java.util.Map;

/** What differs between shares and LUNs when a volume is made and shown: the calls, the exposure, the data path. */
public interface Shape {

    /** Creates an empty dataset of {@code size} bytes (one array call, not repeated on an unknown outcome). */
    Either<RestError, JsonNode> makeEmpty(ArrayApi api, Located at, long size, VolumeParams params);

    /** Sets up how nodes reach a dataset that now exists; idempotent. InvalidArgument/FailedPrecondition if it cannot. */
    Either<Failure, Exposed> expose(ArrayApi api, Found dataset, VolumeParams params);

    /** The property change that sets the size. */
    Map<String, Object> resize(long bytes);

    /** What csi4j adds to its record at creation (for example the static NFS access list). */
    Metadata annotate(Metadata meta, VolumeParams params);

    /** The dataset as a CSI volume, with what {@link #expose} learned (or nothing, to look it up). */
    Either<Failure, Volume> present(Found dataset, Exposed exposed);

    /** What exposing a dataset learned that showing it needs (the LUN's views); {@link #NOTHING} for shares. */
    record Exposed(java.util.Optional<java.util.List<io.csi4j.adapters.intelliflash.array.SanRecords.View>> views) {
        public static final Exposed NOTHING = new Exposed(java.util.Optional.empty());
    }
}
