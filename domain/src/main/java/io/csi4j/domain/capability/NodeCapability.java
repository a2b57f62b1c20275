package io.csi4j.domain.capability;

/** Node RPC capabilities a node plugin can advertise (CSI §4.8). */
public enum NodeCapability {
    STAGE_UNSTAGE_VOLUME,
    GET_VOLUME_STATS,
    EXPAND_VOLUME,
    VOLUME_CONDITION,
    SINGLE_NODE_MULTI_WRITER,
    VOLUME_MOUNT_GROUP
}
