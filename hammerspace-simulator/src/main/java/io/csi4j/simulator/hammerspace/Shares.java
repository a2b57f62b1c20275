package io.csi4j.simulator.hammerspace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The share table, keyed by unique name, and how a share is rendered as JSON (sizes in bytes, {@code space} from
 * the real files under the share's directory). A REMOVED share disappears when its delete delay has passed.
 */
final class Shares {

    static final int MAX_NAME = 80;

    private final Map<String, Share> byName = new TreeMap<>();
    private final Namespace namespace;
    private final Clock clock;
    private final long clusterCapacity;
    private final long usageRefreshMillis;
    private long nextId = 1;
    private volatile long[] clusterUsage = {0, Long.MIN_VALUE};
    private final Map<String, CachedUsage> shareUsage = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedUsage(Namespace.Usage usage, long at) {}

    /**
     * @param usageRefreshMillis how long the cluster's used bytes (a walk of the whole tree) are reused; 0 walks on
     *     every call, which tests that write files and read capacity at once need
     */
    Shares(Namespace namespace, Clock clock, long clusterCapacity, long usageRefreshMillis) {
        this.namespace = namespace;
        this.clock = clock;
        this.clusterCapacity = clusterCapacity;
        this.usageRefreshMillis = usageRefreshMillis;
    }

    synchronized Optional<Share> get(String name) {
        prune();
        return Optional.ofNullable(byName.get(name));
    }

    synchronized List<Share> all() {
        prune();
        return new ArrayList<>(byName.values());
    }

    /** Adds a share in the CREATING state; the caller checked that the name is free. */
    synchronized Share add(String name) {
        Share s = new Share(name, nextId++, clock.millis());
        byName.put(name, s);
        return s;
    }

    synchronized void remove(String name) {
        byName.remove(name);
    }

    synchronized long now() {
        return clock.millis();
    }

    private void prune() {
        long now = clock.millis();
        byName.values().removeIf(s -> s.state.equals(Share.REMOVED) && now >= s.pruneAt);
    }

    /** Bytes used by every share's files (the cluster's used capacity). */
    long clusterUsed() {
        long[] cached = clusterUsage;
        long now = clock.millis();
        if (usageRefreshMillis > 0 && now - cached[1] < usageRefreshMillis) {
            return cached[0];
        }
        long used = 0;
        for (Share s : all()) {
            used += usage(s.name).bytes();
        }
        clusterUsage = new long[] {used, now};
        return used;
    }

    /** A share's usage, walked afresh unless a refresh period is configured. */
    private Namespace.Usage usage(String share) {
        long now = clock.millis();
        CachedUsage c = shareUsage.get(share);
        if (usageRefreshMillis > 0 && c != null && now - c.at() < usageRefreshMillis) {
            return c.usage();
        }
        Namespace.Usage u = namespace.usage(namespace.share(share));
        if (usageRefreshMillis > 0) {
            shareUsage.put(share, new CachedUsage(u, now));
        }
        return u;
    }

    long clusterCapacity() {
        return clusterCapacity;
    }

    /** The share as {@code GET /shares/{name}} shows it. */
    Map<String, Object> render(Share s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Long limit;
        String state;
        synchronized (this) {
            limit = s.sizeLimit;
            state = s.stateAt(clock.millis());
            m.put("uoid", Map.of("uuid", s.uuid, "objectType", "SHARE"));
            m.put("created", s.created);
            m.put("modified", s.modified);
            m.put("extendedInfo", new LinkedHashMap<>(s.extendedInfo));
            m.put("comment", s.comment);
            m.put("name", s.name);
            m.put("path", s.path());
            m.put("internalId", s.internalId);
            m.put("shareState", state);
            m.put("exportOptions", s.exportOptions.stream().map(Share.ExportOption::render).toList());
            m.put("shareSnapshots", List.of());
            m.put("shareSizeLimit", limit);
            m.put("warnUtilizationPercentThreshold", 90);
            m.put("utilizationState", "NORMAL");
            m.put("objectives", Map.of("appliedObjectives", s.objectives.stream().map(o -> Map.of("name", o)).toList()));
            m.put("scheduledPurgeTime", state.equals(Share.REMOVED) ? s.pruneAt : null);
            m.put("preferredDomain", null);
            m.put("unmappedUser", "nobody");
            m.put("unmappedGroup", "nogroup");
            m.put("participantId", 1);
        }
        Namespace.Usage usage = usage(s.name);
        long used = usage.bytes();
        long total = limit != null ? limit : clusterCapacity;
        long available = limit != null ? Math.max(0, limit - used) : Math.max(0, clusterCapacity - clusterUsed());
        m.put("space", Map.of("total", total, "used", used, "available", available,
                "percent", total == 0 ? 0 : (int) (used * 100 / total)));
        long files = usage.entries();
        m.put("inodes", Map.of("total", 1L << 32, "used", files, "available", (1L << 32) - files, "percent", 0));
        m.put("totalNumberOfFiles", files);
        m.put("numberOfOpenFiles", 0);
        m.put("stats", Map.of());
        return m;
    }
}
