package io.csi4j.ports.out.host;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a host contract test needs besides the ports: a fresh allowed root, a directory outside every root,
 * and the few ways to set the scene that the ports deliberately do not offer (image files, raw bytes,
 * symlinks, an open file). Implemented once over the real host and once over the fake.
 */
public interface HostFixture extends AutoCloseable {

    /** The ports under test, confined to {@link #root()}. */
    HostPorts ports();

    /** An empty allowed root, canonical (no symlinks), private to this test. */
    Path root();

    /** An existing, empty directory outside every allowed root. */
    Path outside();

    /** Creates a sparse regular file of {@code bytes} bytes (zeros), as a volume image. */
    void createImage(Path file, long bytes);

    /** Grows or shrinks an image file (truncate). */
    void resizeImage(Path file, long bytes);

    /** Writes an MBR partition table with one partition into the start of an image file. */
    void writePartitionTable(Path file);

    /** Writes {@code bytes} bytes of data to a new file and syncs it, so statfs sees them. */
    void writeFile(Path file, int bytes);

    /**
     * Writes {@code bytes} at the start of the file or block device {@code path} leads to and syncs them; throws
     * IOException when the kernel refuses the write.
     */
    void writeStart(Path path, byte[] bytes) throws java.io.IOException;

    /** The first {@code length} bytes of the file or block device {@code path} leads to. */
    byte[] readStart(Path path, int length);

    /** Creates the symbolic link {@code link} pointing to {@code target}. */
    void symlink(Path link, Path target);

    /** Whether anything (even a dangling symlink) exists at {@code path}, wherever it is. */
    boolean exists(Path path);

    /** Keeps {@code file} open, so the mount holding it is busy, until closed. */
    AutoCloseable holdOpen(Path file);

    /**
     * Why this host cannot grow {@code fsType} online although its tools are installed (say, the process lacks
     * CAP_SYS_RESOURCE, which ext4 online resize needs), or empty when it can.
     */
    default Optional<String> cannotGrowOnline(String fsType) {
        return Optional.empty();
    }

    /** The group owning {@code dir}, when it was given one with {@link HostPaths#shareWithGroup}. */
    Optional<Long> groupOf(Path dir);

    /** Removes the root and the outside directory; called after every mount and loop device is gone. */
    @Override
    void close();
}
