package io.csi4j.ports.service.node;

import io.csi4j.ports.out.host.MountPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a path shows, in mount-table terms: the device of the filesystem and the path inside that filesystem. Two
 * mounts with the same identity show the same data (a bind mount and its source), which is how publications are
 * matched to their staging mount without any memory of our own.
 */
public record MountIdentity(String device, String root) {

    /** The identity of the mount itself. */
    public static MountIdentity of(MountPoint m) {
        return new MountIdentity(m.device(), m.root());
    }

    /** The identity of any path: the deepest mount containing it, plus the rest of the path. */
    public static Optional<MountIdentity> ofPath(List<MountPoint> table, Path path) {
        Path p = path.normalize();
        MountPoint best = null;
        for (MountPoint m : table) {
            if (p.startsWith(m.target()) && (best == null || m.target().getNameCount() >= best.target().getNameCount())) {
                best = m;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = best.target().relativize(p).toString();
        String root = rest.isEmpty() ? best.root() : (best.root().endsWith("/") ? best.root() + rest : best.root() + "/" + rest);
        return Optional.of(new MountIdentity(best.device(), root));
    }

    /** Topmost mount exactly at {@code target}, if any. */
    public static Optional<MountPoint> at(List<MountPoint> table, Path target) {
        Path t = target.normalize();
        MountPoint top = null;
        for (MountPoint m : table) {
            if (m.target().equals(t)) {
                top = m;
            }
        }
        return Optional.ofNullable(top);
    }
}
