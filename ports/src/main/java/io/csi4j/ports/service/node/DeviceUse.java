package io.csi4j.ports.service.node;

import io.csi4j.ports.out.host.AttachedLun;
import io.csi4j.ports.out.host.MountPoint;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether the mount table still shows a device: as a mounted filesystem's source, or bound onto a block file. For
 * devices with many names ({@code /dev/sdb}, its by-path link, {@code /dev/mapper/mpatha} and {@code /dev/dm-0})
 * the question is asked by device number.
 */
final class DeviceUse {

    private DeviceUse() {}

    static boolean inUse(List<MountPoint> table, Path device) {
        return table.stream().anyMatch(m -> m.source().equals(device.toString())
                || (VolumeAt.isBlock(m) && VolumeAt.device(m).equals(device)));
    }

    /** The device numbers in use according to {@code table}: mounted filesystems' and bound device nodes'. */
    static Set<String> numbersInUse(NodeHost host, List<MountPoint> table) {
        Set<String> numbers = new HashSet<>();
        for (MountPoint m : table) {
            if (VolumeAt.isBlock(m)) {
                host.blockDevices().number(VolumeAt.device(m)).forEach(numbers::add);
            } else if (!m.device().startsWith("0:")) {
                numbers.add(m.device());
            }
        }
        return numbers;
    }

    /** The device numbers of an attached LUN: its device (a multipath map, or its disk) and the disk of each path. */
    static Set<String> numbersOf(NodeHost host, AttachedLun lun) {
        Set<String> numbers = new HashSet<>();
        Stream.concat(Stream.of(lun.device()), lun.paths().stream())
                .forEach(d -> host.blockDevices().number(d).forEach(numbers::add));
        return numbers;
    }
}
