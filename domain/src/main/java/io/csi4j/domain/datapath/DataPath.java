package io.csi4j.domain.datapath;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a node reaches a volume's data. A controller puts it into volume_context (through
 * {@link DataPathCodec}) so that node plugins need no backend credentials. Each case names what the node
 * must do: bind a directory, attach an image file to a loop device, mount an export, log in to a target.
 */
public sealed interface DataPath {

    /** The discriminator written to the context. */
    String kind();

    /** The case's fields as context entries (without the discriminator). */
    Map<String, String> fields();

    /** A directory on the node's local disk; published with bind mounts. */
    record LocalDirectory(String path) implements DataPath {
        public static final String KIND = "local-directory";

        public LocalDirectory {
            Objects.requireNonNull(path, "'path' must not be null");
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("path", path);
        }
    }

    /** A sparse image file on the node's local disk, attached through a loop device (filesystem or raw block). */
    record LocalImage(String path) implements DataPath {
        public static final String KIND = "local-image";

        public LocalImage {
            Objects.requireNonNull(path, "'path' must not be null");
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("path", path);
        }
    }

    /**
     * An NFS export: {@code server:export}. The version and other options come from the capability's mount
     * flags first, then from {@code options} (StorageClass or backend defaults).
     */
    record NfsExport(String server, String export, List<String> options) implements DataPath {
        public static final String KIND = "nfs";

        public NfsExport {
            Objects.requireNonNull(server, "'server' must not be null");
            Objects.requireNonNull(export, "'export' must not be null");
            options = List.copyOf(options);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> fields() {
            var m = new TreeMap<String, String>();
            m.put("server", server);
            m.put("export", export);
            if (!options.isEmpty()) {
                m.put("options", String.join(",", options));
            }
            return m;
        }
    }

    /** An SMB share {@code //server/share}; credentials come from the node-stage secrets, never the context. */
    record SmbShare(String server, String share, List<String> options) implements DataPath {
        public static final String KIND = "smb";

        public SmbShare {
            Objects.requireNonNull(server, "'server' must not be null");
            Objects.requireNonNull(share, "'share' must not be null");
            options = List.copyOf(options);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> fields() {
            var m = new TreeMap<String, String>();
            m.put("server", server);
            m.put("share", share);
            if (!options.isEmpty()) {
                m.put("options", String.join(",", options));
            }
            return m;
        }
    }

    /**
     * A LUN behind an iSCSI target, reachable through one or more portals ({@code host:port}). CHAP
     * credentials, when {@code chap} is set, come from the node-stage secrets, never the context.
     */
    record IscsiLun(List<String> portals, String targetIqn, int lun, boolean chap) implements DataPath {
        public static final String KIND = "iscsi";

        public IscsiLun {
            portals = List.copyOf(portals);
            Objects.requireNonNull(targetIqn, "'targetIqn' must not be null");
            if (portals.isEmpty() || lun < 0) {
                throw new IllegalArgumentException("an iSCSI LUN needs a portal and a LUN number >= 0");
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("portals", String.join(",", portals), "target", targetIqn, "lun", Integer.toString(lun),
                    "chap", Boolean.toString(chap));
        }
    }

    /**
     * An image file inside an NFS share: the node mounts the share once, then attaches {@code file} (a path
     * relative to the share's root) to a loop device (filesystem or raw block).
     */
    record ImageOnNfs(String server, String export, List<String> options, String file) implements DataPath {
        public static final String KIND = "nfs-image";

        public ImageOnNfs {
            Objects.requireNonNull(server, "'server' must not be null");
            Objects.requireNonNull(export, "'export' must not be null");
            Objects.requireNonNull(file, "'file' must not be null");
            options = List.copyOf(options);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> fields() {
            var m = new TreeMap<String, String>();
            m.put("server", server);
            m.put("export", export);
            m.put("file", file);
            if (!options.isEmpty()) {
                m.put("options", String.join(",", options));
            }
            return m;
        }
    }
}
