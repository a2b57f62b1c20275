package io.csi4j.domain.datapath;

import java.util.Map;
import java.util.Objects;

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
}
