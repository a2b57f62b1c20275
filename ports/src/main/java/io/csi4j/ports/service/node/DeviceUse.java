package io.csi4j.ports.service.node;

import io.csi4j.ports.out.host.AttachedLun;
import io.csi4j.ports.out.host.MountPoint;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which block devices the mount table shows in use, by device number: a filesystem mounted from the device (its
 * {@code major:minor}), or the device node bound onto a file (a block publication: devtmpfs with the node's name as
 * root). Numbers rather than names, because one device has many names ({@code /dev/sdb}, its by-path link,
 * {@code /dev/mapper/mpatha} and {@code /dev/dm-0}).
 */
final class DeviceUse {

    private DeviceUse() {}

    /** The device numbers in use according to {@code table}. */
    static Set<String> numbersInUse(NodeHost host, List<MountPoint> table) {
        Set<String> numbers = new HashSet<>();
        for (MountPoint m : table) {
            if (isDeviceBind(m)) {
                host.blockDevices().number(Path.of("/dev" + m.root())).forEach(numbers::add);
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

    /** A block device node bound onto a file: what a block publication looks like in the mount table. */
    static boolean isDeviceBind(MountPoint m) {
        return m.fsType().equals("devtmpfs") && !m.root().equals("/");
    }
}
