package io.csi4j.adapters.grpc;

import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import io.csi4j.ports.in.DescribePluginUseCase;
import java.util.Set;

/**
 * What this deployment advertises to the CO, read once per call: the gate for capability-bound RPCs and for
 * optional response fields (topology, published nodes, volume condition) that CSI allows only when advertised.
 */
public record Advertised(Set<PluginCapability> plugin, Set<ControllerCapability> controller) {

    public Advertised {
        plugin = Set.copyOf(plugin);
        controller = Set.copyOf(controller);
    }

    public static Advertised by(DescribePluginUseCase describe) {
        return new Advertised(describe.pluginCapabilities(), describe.controllerCapabilities());
    }

    public boolean has(ControllerCapability capability) {
        return controller.contains(capability);
    }

    /** CSI §2.2: accessible_topology may only be returned when VOLUME_ACCESSIBILITY_CONSTRAINTS is advertised. */
    public boolean topology() {
        return plugin.contains(PluginCapability.VOLUME_ACCESSIBILITY_CONSTRAINTS);
    }
}
