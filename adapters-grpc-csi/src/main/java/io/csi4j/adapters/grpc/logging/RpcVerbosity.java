package io.csi4j.adapters.grpc.logging;

import java.util.Set;

/**
 * Which successful RPCs are too frequent to log at INFO: the CO and its sidecars poll these (probes, capability
 * and info reads, volume stats, capacity and health polling), so at INFO they would drown the calls that change
 * something.
 */
final class RpcVerbosity {

    private static final Set<String> CHATTY = Set.of(
            "Probe", "GetPluginInfo", "GetPluginCapabilities",
            "ControllerGetCapabilities", "NodeGetCapabilities", "GroupControllerGetCapabilities",
            "NodeGetVolumeStats", "NodeGetInfo", "GetCapacity", "ListVolumes", "ControllerGetVolume");

    private RpcVerbosity() {}

    static boolean isChatty(String bareMethodName) {
        return CHATTY.contains(bareMethodName);
    }
}
