package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.MountPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One fake mount: a filesystem (or a subtree of it, for a bind) attached at a target. */
final class FakeMount {

    final int id;
    final int parentId;
    final FakeFs fs;
    final String root;
    final Path target;
    final String source;
    /** The type the table shows: the filesystem's, or the version's for NFS ({@code nfs} for v3, {@code nfs4}). */
    final String type;
    final List<String> options;
    boolean readOnly;
    int openFiles;

    FakeMount(int id, int parentId, FakeFs fs, String type, String root, Path target, String source, boolean readOnly,
            List<String> options) {
        this.id = id;
        this.parentId = parentId;
        this.fs = fs;
        this.root = root;
        this.target = target;
        this.source = source;
        this.type = type;
        this.readOnly = readOnly;
        this.options = List.copyOf(options);
    }

    MountPoint toMountPoint() {
        List<String> perMount = new ArrayList<>();
        perMount.add(readOnly ? "ro" : "rw");
        perMount.add("relatime");
        return new MountPoint(id, parentId, fs.device, root, target, perMount, List.of(), type, source,
                List.of("rw"));
    }
}
