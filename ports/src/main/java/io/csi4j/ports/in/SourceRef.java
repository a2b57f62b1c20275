package io.csi4j.ports.in;

import java.util.Objects;

/** A content source as the CO names it: the raw id of a snapshot or of a volume, not yet resolved. */
public sealed interface SourceRef {

    String id();

    record Snapshot(String id) implements SourceRef {
        public Snapshot {
            Objects.requireNonNull(id, "'id' must not be null");
        }
    }

    record Volume(String id) implements SourceRef {
        public Volume {
            Objects.requireNonNull(id, "'id' must not be null");
        }
    }
}
