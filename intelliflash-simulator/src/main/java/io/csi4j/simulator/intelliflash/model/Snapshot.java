package io.csi4j.simulator.intelliflash.model;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A snapshot of a share or volume, under its stored (prefixed) name. It keeps the dataset's size properties of
 * the moment it was taken and the clones that depend on it.
 */
public final class Snapshot {

    public final String datasetPath;
    public final String storedName;
    public final Instant createdAt;
    public final long quota;
    public final long volSize;
    public final Set<String> clones = new LinkedHashSet<>();

    public Snapshot(String datasetPath, String storedName, Instant createdAt, long quota, long volSize) {
        this.datasetPath = datasetPath;
        this.storedName = storedName;
        this.createdAt = createdAt;
        this.quota = quota;
        this.volSize = volSize;
    }

    public String path() {
        return datasetPath + "@" + storedName;
    }
}
