package io.csi4j.adapters.hammerspace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code extendedInfo} keys on shares. The original plugin's keys are written on every share this backend makes
 * (so either driver recognises the other's shares), plus this backend's own: the role of the share, the CO name of
 * a share volume, and the mark of a deleted share volume kept only for its snapshots.
 */
final class Markers {

    static final String PLUGIN_NAME = "csi_created_by_plugin_name";
    static final String PLUGIN_VERSION = "csi_created_by_plugin_version";
    static final String PLUGIN_GIT_HASH = "csi_created_by_plugin_git_hash";
    static final String CSI_VERSION = "csi_created_by_csi_version";
    static final String DELETE_DELAY = "csi_delete_delay";
    static final String ROLE = "csi4j_role";
    static final String VOLUME_NAME = "csi4j_volume_name";
    static final String RETIRED = "csi4j_retired";
    static final String TAG_PREFIX = "csi4j_tag_";

    /** What a share is for. */
    enum Role {
        VOLUME("volume"),
        BACKING("backing"),
        CATALOG("catalog");

        final String value;

        Role(String value) {
            this.value = value;
        }
    }

    private Markers() {}

    /** The original plugin's keys, with the delete delay when one was asked for. */
    static Map<String, String> original(String pluginName, String version, long deleteDelay) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PLUGIN_NAME, pluginName);
        m.put(PLUGIN_VERSION, version);
        m.put(PLUGIN_GIT_HASH, "csi4j");
        m.put(CSI_VERSION, "1");
        if (deleteDelay >= 0) {
            m.put(DELETE_DELAY, Long.toString(deleteDelay));
        }
        return m;
    }

    static boolean hasRole(Map<String, String> info, Role role) {
        return role.value.equals(info.get(ROLE));
    }

    /** Made by a CSI driver (this one or the original) as a volume, not as a backing or catalog share. */
    static boolean isVolumeShare(Map<String, String> info) {
        boolean csi = info.containsKey(PLUGIN_NAME) || info.containsKey(VOLUME_NAME);
        return csi && !hasRole(info, Role.BACKING) && !hasRole(info, Role.CATALOG) && !info.containsKey(RETIRED);
    }
}
