package io.csi4j.domain.capability;

/** What the plugin as a whole offers (CSI §2.2): services and the kind of volume expansion. */
public enum PluginCapability {
    CONTROLLER_SERVICE,
    VOLUME_ACCESSIBILITY_CONSTRAINTS,
    GROUP_CONTROLLER_SERVICE,
    ONLINE_EXPANSION,
    OFFLINE_EXPANSION
}
