package io.csi4j.ports.out.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A LUN attached to this node now: where it is (the portals of its sessions), the device to use (the multipath
 * map when multipath claims the LUN, else the disk), and the disk of each path.
 */
public record AttachedLun(IscsiAddress address, Path device, List<Path> paths) {

    public AttachedLun {
        Objects.requireNonNull(address, "'address' must not be null");
        Objects.requireNonNull(device, "'device' must not be null");
        paths = List.copyOf(paths);
    }
}
