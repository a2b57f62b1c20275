package io.csi4j.adapters.grpc.mapping;

import io.csi4j.csi.v1.ControllerGetCapabilitiesResponse;
import io.csi4j.csi.v1.ControllerServiceCapability;
import io.csi4j.csi.v1.GetPluginCapabilitiesResponse;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import java.util.EnumSet;
import java.util.Set;

/** Translates advertised plugin and controller capabilities, in enum order so answers are stable. */
public final class CapabilityMapper {

    private CapabilityMapper() {}

    public static GetPluginCapabilitiesResponse plugin(Set<PluginCapability> capabilities) {
        var b = GetPluginCapabilitiesResponse.newBuilder();
        sorted(capabilities, PluginCapability.class).forEach(c -> b.addCapabilities(toProto(c)));
        return b.build();
    }

    public static ControllerGetCapabilitiesResponse controller(Set<ControllerCapability> capabilities) {
        var b = ControllerGetCapabilitiesResponse.newBuilder();
        sorted(capabilities, ControllerCapability.class).forEach(c -> b.addCapabilities(
                ControllerServiceCapability.newBuilder().setRpc(
                        ControllerServiceCapability.RPC.newBuilder().setType(toProto(c)))));
        return b.build();
    }

    static io.csi4j.csi.v1.PluginCapability toProto(PluginCapability capability) {
        var b = io.csi4j.csi.v1.PluginCapability.newBuilder();
        return switch (capability) {
            case CONTROLLER_SERVICE -> b.setService(service(
                    io.csi4j.csi.v1.PluginCapability.Service.Type.CONTROLLER_SERVICE)).build();
            case VOLUME_ACCESSIBILITY_CONSTRAINTS -> b.setService(service(
                    io.csi4j.csi.v1.PluginCapability.Service.Type.VOLUME_ACCESSIBILITY_CONSTRAINTS)).build();
            case GROUP_CONTROLLER_SERVICE -> b.setService(service(
                    io.csi4j.csi.v1.PluginCapability.Service.Type.GROUP_CONTROLLER_SERVICE)).build();
            case ONLINE_EXPANSION -> b.setVolumeExpansion(expansion(
                    io.csi4j.csi.v1.PluginCapability.VolumeExpansion.Type.ONLINE)).build();
            case OFFLINE_EXPANSION -> b.setVolumeExpansion(expansion(
                    io.csi4j.csi.v1.PluginCapability.VolumeExpansion.Type.OFFLINE)).build();
        };
    }

    static ControllerServiceCapability.RPC.Type toProto(ControllerCapability capability) {
        return switch (capability) {
            case CREATE_DELETE_VOLUME -> ControllerServiceCapability.RPC.Type.CREATE_DELETE_VOLUME;
            case PUBLISH_UNPUBLISH_VOLUME -> ControllerServiceCapability.RPC.Type.PUBLISH_UNPUBLISH_VOLUME;
            case LIST_VOLUMES -> ControllerServiceCapability.RPC.Type.LIST_VOLUMES;
            case GET_CAPACITY -> ControllerServiceCapability.RPC.Type.GET_CAPACITY;
            case CREATE_DELETE_SNAPSHOT -> ControllerServiceCapability.RPC.Type.CREATE_DELETE_SNAPSHOT;
            case LIST_SNAPSHOTS -> ControllerServiceCapability.RPC.Type.LIST_SNAPSHOTS;
            case CLONE_VOLUME -> ControllerServiceCapability.RPC.Type.CLONE_VOLUME;
            case PUBLISH_READONLY -> ControllerServiceCapability.RPC.Type.PUBLISH_READONLY;
            case EXPAND_VOLUME -> ControllerServiceCapability.RPC.Type.EXPAND_VOLUME;
            case LIST_VOLUMES_PUBLISHED_NODES -> ControllerServiceCapability.RPC.Type.LIST_VOLUMES_PUBLISHED_NODES;
            case VOLUME_CONDITION -> ControllerServiceCapability.RPC.Type.VOLUME_CONDITION;
            case GET_VOLUME -> ControllerServiceCapability.RPC.Type.GET_VOLUME;
            case SINGLE_NODE_MULTI_WRITER -> ControllerServiceCapability.RPC.Type.SINGLE_NODE_MULTI_WRITER;
            case MODIFY_VOLUME -> ControllerServiceCapability.RPC.Type.MODIFY_VOLUME;
            case GET_SNAPSHOT -> ControllerServiceCapability.RPC.Type.GET_SNAPSHOT;
        };
    }

    private static io.csi4j.csi.v1.PluginCapability.Service service(io.csi4j.csi.v1.PluginCapability.Service.Type t) {
        return io.csi4j.csi.v1.PluginCapability.Service.newBuilder().setType(t).build();
    }

    private static io.csi4j.csi.v1.PluginCapability.VolumeExpansion expansion(
            io.csi4j.csi.v1.PluginCapability.VolumeExpansion.Type t) {
        return io.csi4j.csi.v1.PluginCapability.VolumeExpansion.newBuilder().setType(t).build();
    }

    private static <E extends Enum<E>> Set<E> sorted(Set<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
