package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** Whether any of {@code devices} is in use. */
    static Either<Failure, Boolean> anyInUse(NodeHost host, List<Path> devices) {
        return host.mountTable().mounts().map(table -> {
            Set<String> used = numbersInUse(host, table);
            return devices.stream().anyMatch(d -> host.blockDevices().number(d).map(used::contains).getOrElse(false));
        });
    }

    /** A block device node bound onto a file: what a block publication looks like in the mount table. */
    static boolean isDeviceBind(MountPoint m) {
        return m.fsType().equals("devtmpfs") && !m.root().equals("/");
    }
}
