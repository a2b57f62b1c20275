package io.csi4j.simulator.hammerspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One simulated share: its settings and its life-cycle state. Mutated only under the {@link Shares} lock. */
final class Share {

    /** Before its create task completes (an assumption: the real API's state here is not documented). */
    static final String CREATING = "CREATING";
    static final String MOUNTED = "MOUNTED";
    static final String PUBLISHED = "PUBLISHED";
    static final String REMOVED = "REMOVED";

    final String name;
    final String uuid = UUID.randomUUID().toString();
    final long internalId;
    final long created;
    long modified;
    String comment;
    Map<String, String> extendedInfo = new LinkedHashMap<>();
    List<ExportOption> exportOptions = new ArrayList<>();
    Long sizeLimit;
    final Set<String> objectives = new LinkedHashSet<>();
    String state = CREATING;
    long publishAt;
    long pruneAt;
    boolean deleting;

    Share(String name, long internalId, long now) {
        this.name = name;
        this.internalId = internalId;
        this.created = now;
        this.modified = now;
    }

    String path() {
        return "/" + name;
    }

    /** MOUNTED turns PUBLISHED once its publish time has come. */
    String stateAt(long now) {
        if (state.equals(MOUNTED) && now >= publishAt) {
            state = PUBLISHED;
        }
        return state;
    }

    boolean isLive(long now) {
        String s = stateAt(now);
        return s.equals(MOUNTED) || s.equals(PUBLISHED);
    }

    /** One export rule of a share. */
    record ExportOption(long id, String subnet, String accessPermissions, boolean rootSquash) {
        Map<String, Object> render() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("subnet", subnet);
            m.put("accessPermissions", accessPermissions);
            m.put("rootSquash", rootSquash);
            return m;
        }
    }
}
