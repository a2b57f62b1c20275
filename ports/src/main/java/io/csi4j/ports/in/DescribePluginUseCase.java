package io.csi4j.ports.in;

import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import io.csi4j.domain.health.PluginIdentity;
import java.util.Set;

/**
 * What this deployment is and offers, computed once from configuration: identical in every instance of one
 * version, whatever its mode (CSI §2.2).
 */
public interface DescribePluginUseCase {

    PluginIdentity identity();

    Set<PluginCapability> pluginCapabilities();

    Set<ControllerCapability> controllerCapabilities();
}
