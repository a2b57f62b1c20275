package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.DatasetInfo;
import java.util.Optional;

/** A dataset that exists, as the array describes it, with csi4j's record of it when there is one. */
public record Found(Located at, DatasetInfo info, Optional<Metadata> meta) {

    /** Deleted by the CO but kept because snapshots still need it. */
    public boolean hidden() {
        return meta.map(Metadata::deleted).orElse(false);
    }

    public Metadata metaOrBlank() {
        return meta.orElseGet(() -> Metadata.created("", java.util.Map.of()));
    }
}
