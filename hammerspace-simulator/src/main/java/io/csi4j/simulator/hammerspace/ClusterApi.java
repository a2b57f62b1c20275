package io.csi4j.simulator.hammerspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read-only cluster views: {@code /cntl/state} (name, floating IPs, integer capacity figures),
 * {@code /data-portals/}, {@code /objectives} and {@code /base-storage-volumes}.
 */
final class ClusterApi {

    private final SimulatorConfig config;
    private final Shares shares;
    private final String clusterUuid = UUID.randomUUID().toString();

    ClusterApi(SimulatorConfig config, Shares shares) {
        this.config = config;
        this.shares = shares;
    }

    Reply state() {
        long used = shares.clusterUsed();
        long total = shares.clusterCapacity();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uoid", Map.of("uuid", clusterUuid, "objectType", "CNTL"));
        m.put("name", config.clusterName());
        m.put("portalFloatingIps", config.floatingIps().stream()
                .map(ip -> Map.of("address", ip, "prefixLength", 24)).toList());
        m.put("capacity", Map.of("total", total, "used", used, "free", Math.max(0, total - used)));
        return Reply.ok(m);
    }

    Reply dataPortals() {
        List<Map<String, Object>> out = new ArrayList<>();
        int i = 0;
        for (SimulatorConfig.DataPortal p : config.dataPortals()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uoid", Map.of("uuid", "00000000-0000-0000-0000-" + String.format("%012d", ++i),
                    "objectType", "DATA_PORTAL"));
            m.put("name", p.nodeName() + "-portal");
            m.put("operState", p.up() ? "UP" : "DOWN");
            m.put("adminState", "UP");
            m.put("dataPortalType", p.type());
            m.put("exported", true);
            m.put("node", Map.of("name", p.nodeName(),
                    "mgmtIpAddress", Map.of("address", p.address(), "prefixLength", 24)));
            out.add(m);
        }
        return Reply.ok(out);
    }

    Reply objectives() {
        return Reply.ok(config.objectives().stream().map(n -> Map.of("name", n, "basic", true,
                "uoid", Map.of("uuid", UUID.nameUUIDFromBytes(n.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString(), "objectType", "OBJECTIVE"))).toList());
    }

    Reply baseStorageVolumes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "sim-volume-1");
        m.put("created", 0L);
        m.put("modified", 0L);
        m.put("operState", "UP");
        m.put("storageVolumeState", "OK");
        m.put("effectiveTotalCapacity", shares.clusterCapacity());
        return Reply.ok(List.of(m));
    }
}
