package io.csi4j.simulator.intelliflash.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What shares and volumes have in common: a place in a project, a free-text purpose, snapshots, an origin. */
public abstract sealed class Dataset permits Share, Volume {

    public final String pool;
    public final String project;
    public final String name;
    public final Instant createdAt;
    public String purpose = "";
    /** Snapshot path this dataset was cloned from, or null. */
    public String origin;
    public final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

    protected Dataset(String pool, String project, String name, Instant createdAt) {
        this.pool = pool;
        this.project = project;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String path() {
        return Names.datasetPath(pool, project, name);
    }

    /** True when some snapshot of this dataset has a clone. */
    public boolean hasClones() {
        return snapshots.values().stream().anyMatch(s -> !s.clones.isEmpty());
    }
}
