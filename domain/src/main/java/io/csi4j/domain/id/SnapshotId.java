package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/**
 * A snapshot id: same rules and forms as {@link VolumeId} (native {@code <backend>:<handle>}, or foreign when
 * written by a driver we replace); a separate type so the two can never be mixed up.
 */
public record SnapshotId(BackendName backend, String handle, boolean foreign) {

    public SnapshotId {
        if (backend == null || handle == null || handle.isEmpty()) {
            throw new IllegalArgumentException("snapshot id needs a backend and a handle");
        }
        String whole = foreign ? handle : backend.value() + ":" + handle;
        if (Text.checkId("snapshot id", whole).isLeft()) {
            throw new IllegalArgumentException(Text.checkId("snapshot id", whole).getLeft().message());
        }
    }

    /** An id this driver issues. */
    public SnapshotId(BackendName backend, String handle) {
        this(backend, handle, false);
    }

    /** An id written by the driver a backend replaces; its wire form is {@code raw} unchanged. */
    public static SnapshotId foreign(BackendName backend, String raw) {
        return new SnapshotId(backend, raw, true);
    }

    /** Parses the {@code <backend>:<handle>} form; anything else is an InvalidArgument naming the field. */
    public static Either<Failure, SnapshotId> parse(String field, String raw) {
        return VolumeId.parse(field, raw).map(v -> new SnapshotId(v.backend(), v.handle()));
    }

    /** The wire form: {@code <backend>:<handle>}, or the handle alone for a foreign id. */
    public String value() {
        return foreign ? handle : backend.value() + ":" + handle;
    }

    @Override
    public String toString() {
        return value();
    }
}
