package io.csi4j.simulator.intelliflash.data;

import io.csi4j.simulator.intelliflash.api.ZebiError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The array's data on the simulator's disk, so that a node can really mount what a controller created: a share is
 * a directory {@code <root>/<pool>/Local/<project>/<share>}, a volume a sparse file at the same kind of path, and a
 * snapshot a copy under {@code <root>/.snapshots}. Clones are copies of their snapshot.
 */
public final class DataStore {

    private final Path root;

    public DataStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve(".snapshots"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator's data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Where a dataset's data lives. */
    public Path of(String datasetPath) {
        return root.resolve(datasetPath);
    }

    /** Where a snapshot's copy lives. */
    public Path ofSnapshot(String snapshotPath) {
        return root.resolve(".snapshots").resolve(snapshotPath.replace('@', '/'));
    }

    public void createDirectory(String datasetPath) {
        io(() -> {
            Path dir = of(datasetPath);
            Files.createDirectories(dir);
            // Shares are exported to nodes that write as any user.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        });
    }

    public void createFile(String datasetPath, long size) {
        io(() -> {
            Files.createDirectories(of(datasetPath).getParent());
            SparseFiles.create(of(datasetPath), size);
        });
    }

    public void resize(String datasetPath, long size) {
        io(() -> SparseFiles.resize(of(datasetPath), size));
    }

    public void snapshot(String datasetPath, String snapshotPath) {
        io(() -> copy(of(datasetPath), ofSnapshot(snapshotPath)));
    }

    public void clone(String snapshotPath, String datasetPath) {
        io(() -> copy(ofSnapshot(snapshotPath), of(datasetPath)));
    }

    public void delete(String datasetPath) {
        io(() -> deleteTree(of(datasetPath)));
    }

    public void deleteSnapshot(String snapshotPath) {
        io(() -> deleteTree(ofSnapshot(snapshotPath)));
    }

    /** Bytes of file data under a share (apparent sizes). */
    public long used(String datasetPath) {
        Path p = of(datasetPath);
        if (!Files.isDirectory(p)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        if (Files.isRegularFile(from)) {
            SparseFiles.copy(from, to);
            return;
        }
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                } else if (Files.isRegularFile(p)) {
                    SparseFiles.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private interface IoStep {
        void run() throws IOException;
    }

    private static void io(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new ZebiError("EZEBI_GENERAL", "storage error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
