package io.csi4j.simulator.intelliflash.methods;

import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** System and capacity: properties (values in request order), pools with real free space, floating IPs. */
final class SystemMethods {

    static final String VERSION = "3.11.2.0";

    private SystemMethods() {}

    static void register(ArrayModel m, MethodTable t) {
        t.add(m, "listSystemProperties", a -> {
            List<String> out = new ArrayList<>();
            for (String p : a.strings(0)) {
                out.add(switch (p) {
                    case "ZEBI_APPLIANCE_MODEL" -> "IntelliFlash Simulator";
                    case "ZEBI_APPLIANCE_VERSION", "ZEBI_GUI_VERSION" -> VERSION;
                    case "ZEBI_SUPPORTED_TDPS_API_VERSIONS", "ZEBI_API_VERSION" -> "2.2";
                    case "ZEBI_API_MINOR_VERSION" -> "2";
                    case "INTELLIFLASH_ARRAY_GUID" -> m.guid;
                    case "INTELLIFLASH_ARRAY_FQDN" -> "intelliflash-simulator.local";
                    default -> throw ZebiError.invalid("unknown system property " + p);
                });
            }
            return out;
        });
        t.add(m, "listPools", a -> m.pools.values().stream().map(p -> pool(m, p)).toList());
        t.add(m, "getFloatingIPList", a -> {
            String pool = a.optional(0).map(n -> n.asText()).orElse("All");
            List<Map<String, Object>> out = new ArrayList<>();
            for (Pool p : m.pools.values()) {
                if (pool.equals("All") || pool.equals(p.name())) {
                    out.add(Obj.of().put("resourceGroupName", "rg-" + p.name()).put("description", "data")
                            .put("failoverMode", "Automatic").put("ipAddress", m.dataIp).put("netmask", "255.255.255.0")
                            .put("poolName", p.name()).map());
                }
            }
            return out;
        });
    }

    private static Map<String, Object> pool(ArrayModel m, Pool p) {
        return Obj.of().put("name", p.name()).put("availableSize", m.available(p.name()))
                .put("totalSize", p.totalSize()).map();
    }
}
