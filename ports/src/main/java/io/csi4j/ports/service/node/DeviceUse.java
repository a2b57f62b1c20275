package io.csi4j.ports.service.node;

import io.csi4j.ports.out.host.MountPoint;
import java.nio.file.Path;
import java.util.List;

/** Whether the mount table still shows a device: as a mounted filesystem's source, or bound onto a block file. */
final class DeviceUse {

    private DeviceUse() {}

    static boolean inUse(List<MountPoint> table, Path device) {
        return table.stream().anyMatch(m -> m.source().equals(device.toString())
                || (VolumeAt.isBlock(m) && VolumeAt.device(m).equals(device)));
    }
}
