package io.csi4j.adapters.intelliflash.core;

import java.util.Optional;

/**
 * A snapshot as its id names it: {@code <configName>:<project>:<name>@<snapshot>}, where {@code <snapshot>} is
 * the name given to the array (which stores it with its {@code Manual-S-}/{@code Manual-V-} prefix).
 */
public record SnapshotRef(DatasetRef dataset, String snapshot) {

    public String handle() {
        return dataset.handle() + "@" + snapshot;
    }

    public static Optional<SnapshotRef> parse(String handle) {
        int at = handle.indexOf('@');
        if (at <= 0 || at != handle.lastIndexOf('@') || !ArrayNames.valid(handle.substring(at + 1))) {
            return Optional.empty();
        }
        return DatasetRef.parse(handle.substring(0, at)).map(d -> new SnapshotRef(d, handle.substring(at + 1)));
    }

    @Override
    public String toString() {
        return handle();
    }
}
