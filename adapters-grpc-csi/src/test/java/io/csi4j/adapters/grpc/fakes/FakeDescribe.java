package io.csi4j.adapters.grpc.fakes;

import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import io.csi4j.domain.health.PluginIdentity;
import io.csi4j.ports.in.DescribePluginUseCase;
import java.util.EnumSet;
import java.util.Set;

/** A deployment description whose capabilities a test can change between calls. */
public final class FakeDescribe implements DescribePluginUseCase {

    public static final PluginIdentity IDENTITY = new PluginIdentity("csi4j.example.org", "0.1.0-test");

    private final Set<PluginCapability> plugin = EnumSet.of(PluginCapability.CONTROLLER_SERVICE,
            PluginCapability.VOLUME_ACCESSIBILITY_CONSTRAINTS, PluginCapability.ONLINE_EXPANSION);
    private final Set<ControllerCapability> controller = EnumSet.of(
            ControllerCapability.CREATE_DELETE_VOLUME, ControllerCapability.LIST_VOLUMES,
            ControllerCapability.GET_CAPACITY, ControllerCapability.CREATE_DELETE_SNAPSHOT,
            ControllerCapability.LIST_SNAPSHOTS, ControllerCapability.CLONE_VOLUME,
            ControllerCapability.EXPAND_VOLUME, ControllerCapability.GET_VOLUME, ControllerCapability.GET_SNAPSHOT);

    public FakeDescribe without(ControllerCapability capability) {
        controller.remove(capability);
        return this;
    }

    public FakeDescribe with(ControllerCapability capability) {
        controller.add(capability);
        return this;
    }

    public FakeDescribe without(PluginCapability capability) {
        plugin.remove(capability);
        return this;
    }

    @Override
    public PluginIdentity identity() {
        return IDENTITY;
    }

    @Override
    public Set<PluginCapability> pluginCapabilities() {
        return EnumSet.copyOf(plugin);
    }

    @Override
    public Set<ControllerCapability> controllerCapabilities() {
        return controller.isEmpty() ? EnumSet.noneOf(ControllerCapability.class) : EnumSet.copyOf(controller);
    }
}
