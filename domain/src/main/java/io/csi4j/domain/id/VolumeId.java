package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/**
 * A volume id: which configured backend owns the volume, and the backend's own handle for it. The handle is
 * opaque here and parsed by that backend alone (which versions its own handle format).
 *
 * <p>Ids this driver issues have the wire form {@code <backend>:<handle>}. Ids written by a driver we replace
 * (IntelliFlash {@code configName:project:name}, Hammerspace {@code /share}) are <em>foreign</em>: their wire
 * form is the handle alone, so existing PersistentVolumes keep their ids. Either form is at most 128 bytes of
 * printable ASCII.
 */
public record VolumeId(BackendName backend, String handle, boolean foreign) {

    public VolumeId {
        if (backend == null || handle == null || handle.isEmpty()) {
            throw new IllegalArgumentException("volume id needs a backend and a handle");
        }
        String whole = foreign ? handle : backend.value() + ":" + handle;
        if (Text.checkId("volume id", whole).isLeft()) {
            throw new IllegalArgumentException(Text.checkId("volume id", whole).getLeft().message());
        }
    }

    /** An id this driver issues. */
    public VolumeId(BackendName backend, String handle) {
        this(backend, handle, false);
    }

    /** An id written by the driver a backend replaces; its wire form is {@code raw} unchanged. */
    public static VolumeId foreign(BackendName backend, String raw) {
        return new VolumeId(backend, raw, true);
    }

    /** Parses the {@code <backend>:<handle>} form; anything else is an InvalidArgument naming the field. */
    public static Either<Failure, VolumeId> parse(String field, String raw) {
        return Text.checkId(field, raw).flatMap(s -> {
            int colon = s.indexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                return Either.left(Failure.invalidArgument(field + " '" + Printable.of(s)
                        + "' is not of the form <backend>:<handle>"));
            }
            return BackendName.parse(s.substring(0, colon))
                    .map(b -> new VolumeId(b, s.substring(colon + 1)));
        });
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
