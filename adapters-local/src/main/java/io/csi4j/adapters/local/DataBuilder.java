package io.csi4j.adapters.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts a volume's or snapshot's data into its slot. Anything that takes more than one step is built as
 * {@code data.part} and renamed to {@code data} when complete, so {@code data} never exists half-made.
 */
final class DataBuilder {

    private DataBuilder() {}

    /**
     * A blank volume: an empty directory, world-writable so that workloads running as any user can use it
     * (the node only bind-mounts it, and nothing else would ever change its owner), or a sparse image of
     * exactly {@code size} bytes that only root (the node plugin) may open.
     */
    static void blank(Slot slot, Shape shape, long size) throws IOException {
        if (shape.kind() == Kind.DIRECTORY) {
            Files.createDirectory(slot.data());
            Files.setPosixFilePermissions(slot.data(), PosixFilePermissions.fromString("rwxrwxrwx"));
            return;
        }
        Trees.delete(slot.part());
        Durable.createSparse(slot.part(), size);
        Files.setPosixFilePermissions(slot.part(), PosixFilePermissions.fromString("rw-------"));
        Files.move(slot.part(), slot.data(), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A copy of {@code from} (a directory tree or an image file), forced to disk; an image copy is then
     * grown to {@code size} bytes when that is larger than the source (the node grows the filesystem).
     */
    static void copy(Path from, Slot slot, Shape shape, long size) throws IOException {
        Trees.delete(slot.part());
        if (shape.kind() == Kind.DIRECTORY) {
            Trees.copy(from, slot.part());
        } else {
            SparseCopy.copy(from, slot.part());
            Files.setPosixFilePermissions(slot.part(), PosixFilePermissions.fromString("rw-------"));
            if (Files.size(slot.part()) < size) {
                Durable.resize(slot.part(), size);
            }
        }
        Files.move(slot.part(), slot.data(), StandardCopyOption.ATOMIC_MOVE);
    }
}
