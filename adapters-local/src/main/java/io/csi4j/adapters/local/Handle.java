package io.csi4j.adapters.local;

import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.VolumeId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend-local part of a volume or snapshot id: which slot holds the object and which generation of
 * that slot it is. Each form has exactly one parser, which accepts only {@code v1-<slot>-<generation>}
 * (volumes) or {@code v1-s<slot>-<generation>} (snapshots) in lower-case base32, so no handle can name a path
 * outside the slot directories: there is no room for {@code /}, {@code ..} or NUL.
 */
record Handle(String slot, String generation) {

    private static final Pattern VOLUME = Pattern.compile("v1-([a-z2-7]{26})-([a-z2-7]{8})");
    private static final Pattern SNAPSHOT = Pattern.compile("v1-s([a-z2-7]{26})-([a-z2-7]{8})");
    private static final int VOLUME_LENGTH = 3 + SlotNames.SLOT_LENGTH + 1 + SlotNames.GENERATION_LENGTH;

    Handle {
        if (!SlotNames.isSlot(slot) || generation == null || generation.length() != SlotNames.GENERATION_LENGTH) {
            throw new IllegalArgumentException("malformed slot or generation");
        }
    }

    /** The handle in a volume id; empty for ids of other backends, foreign ids and every other form. */
    static Optional<Handle> of(BackendName backend, VolumeId id) {
        return id.foreign() || !id.backend().equals(backend) ? Optional.empty() : parseVolume(id.handle());
    }

    /** The handle in a snapshot id; empty for ids of other backends, foreign ids and every other form. */
    static Optional<Handle> of(BackendName backend, SnapshotId id) {
        return id.foreign() || !id.backend().equals(backend) ? Optional.empty() : parseSnapshot(id.handle());
    }

    static Optional<Handle> parseVolume(String raw) {
        return parse(VOLUME, VOLUME_LENGTH, raw);
    }

    static Optional<Handle> parseSnapshot(String raw) {
        return parse(SNAPSHOT, VOLUME_LENGTH + 1, raw);
    }

    String volumeForm() {
        return "v1-" + slot + "-" + generation;
    }

    String snapshotForm() {
        return "v1-s" + slot + "-" + generation;
    }

    private static Optional<Handle> parse(Pattern form, int length, String raw) {
        // The length check comes first so that arbitrary input never reaches the regex engine.
        if (raw == null || raw.length() != length) {
            return Optional.empty();
        }
        Matcher m = form.matcher(raw);
        return m.matches() ? Optional.of(new Handle(m.group(1), m.group(2))) : Optional.empty();
    }
}
