package io.csi4j.ports.service;

import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import io.csi4j.domain.health.PluginIdentity;
import io.csi4j.ports.in.DescribePluginUseCase;
import io.csi4j.ports.out.VolumeBackend;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place where advertised capabilities are computed, from the configured backends only — never from
 * the instance's mode, so a node-only and a controller-only instance of one deployment answer the same
 * (CSI §2.2). A capability is advertised when any backend offers it; requests for a backend that lacks it get
 * InvalidArgument from the use case.
 */
public final class DescribePluginService implements DescribePluginUseCase {

    private final PluginIdentity identity;
    private final Set<PluginCapability> plugin;
    private final Set<ControllerCapability> controller;

    public DescribePluginService(PluginIdentity identity, Backends backends) {
        this.identity = identity;
        var all = backends.all();
        Predicate<Predicate<VolumeBackend>> any = p -> all.stream().anyMatch(p);

        this.controller = EnumSet.of(ControllerCapability.CREATE_DELETE_VOLUME, ControllerCapability.LIST_VOLUMES,
                ControllerCapability.GET_CAPACITY, ControllerCapability.GET_VOLUME,
                ControllerCapability.SINGLE_NODE_MULTI_WRITER);
        if (any.test(b -> b.snapshots().isPresent())) {
            controller.addAll(EnumSet.of(ControllerCapability.CREATE_DELETE_SNAPSHOT,
                    ControllerCapability.LIST_SNAPSHOTS, ControllerCapability.GET_SNAPSHOT));
        }
        if (any.test(b -> b.features().cloning())) {
            controller.add(ControllerCapability.CLONE_VOLUME);
        }
        if (any.test(b -> b.expansion().isPresent())) {
            controller.add(ControllerCapability.EXPAND_VOLUME);
        }
        if (any.test(b -> b.features().volumeCondition())) {
            controller.add(ControllerCapability.VOLUME_CONDITION);
        }
        if (any.test(b -> b.publishing().isPresent())) {
            controller.addAll(EnumSet.of(ControllerCapability.PUBLISH_UNPUBLISH_VOLUME,
                    ControllerCapability.PUBLISH_READONLY, ControllerCapability.LIST_VOLUMES_PUBLISHED_NODES));
        }

        this.plugin = EnumSet.of(PluginCapability.CONTROLLER_SERVICE);
        if (any.test(b -> b.features().topology())) {
            plugin.add(PluginCapability.VOLUME_ACCESSIBILITY_CONSTRAINTS);
        }
        if (controller.contains(ControllerCapability.EXPAND_VOLUME)) {
            plugin.add(PluginCapability.ONLINE_EXPANSION);
        }
    }

    @Override
    public PluginIdentity identity() {
        return identity;
    }

    @Override
    public Set<PluginCapability> pluginCapabilities() {
        return Set.copyOf(plugin);
    }

    @Override
    public Set<ControllerCapability> controllerCapabilities() {
        return Set.copyOf(controller);
    }
}
