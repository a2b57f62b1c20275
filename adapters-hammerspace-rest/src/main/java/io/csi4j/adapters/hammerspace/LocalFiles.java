package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * File work inside a share reached through {@link ShareAccess}: sparse files made and grown without writing
 * their holes, whole trees removed and copied (holes, modes and owners kept). I/O errors become failures here:
 * a missing path is NotFound, a refused one PermissionDenied, anything else Unavailable (a share over NFS that a
 * retry may reach).
 */
final class LocalFiles {

    private static final int CHUNK = 1 << 20;

    private LocalFiles() {}

    /**
     * A new sparse file of {@code size} bytes at {@code file}, made under {@link #staging} and renamed in place (what a
     * crashed attempt left there is replaced).
     */
    static Either<Failure, Done> createSparse(Path file, long size) {
        Path temp = staging(file);
        return io("create " + file, () -> {
            Files.deleteIfExists(temp);
            try (RandomAccessFile f = new RandomAccessFile(temp.toFile(), "rw")) {
                f.setLength(size);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }).peekLeft(f -> quietDelete(temp));
    }

    /**
     * Where a volume is made before it is renamed to {@code file}: one name per volume, hidden (so never listed or
     * taken for a volume), so a retry after a crash replaces its own leftover and nothing has to scan for leftovers.
     */
    static Path staging(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".creating");
    }

    /** Grows a file to {@code size} bytes (the new part is a hole); a larger file is left as it is. */
    static Either<Failure, Done> grow(Path file, long size) {
        return io("grow " + file, () -> {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                if (f.length() < size) {
                    f.setLength(size);
                }
            }
        });
    }

    static Either<Failure, Done> mkdir(Path dir) {
        return io("make directory " + dir, () -> {
            Files.createDirectories(dir);
        });
    }

    /** Removes a file or a tree; Done when already absent. */
    static Either<Failure, Done> deleteTree(Path p) {
        return io("remove " + p, () -> delete(p));
    }

    /** Removes everything in {@code dir} except the entries {@code keep} accepts. */
    static Either<Failure, Done> emptyDirectory(Path dir, Predicate<Path> keep) {
        return io("empty " + dir, () -> {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path c : s.toList()) {
                    if (!keep.test(c)) {
                        delete(c);
                    }
                }
            }
        });
    }

    /** Copies the tree under {@code from} into {@code to} (which exists), overwriting what is there. */
    static Either<Failure, Done> copyTree(Path from, Path to, Predicate<Path> skip) {
        return io("copy " + from + " to " + to, () -> Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                if (!d.equals(from) && skip.test(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path t = to.resolve(from.relativize(d).toString());
                Files.createDirectories(t);
                copyOwnership(d, t);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (skip.test(f)) {
                    return FileVisitResult.CONTINUE;
                }
                Path t = to.resolve(from.relativize(f).toString());
                if (a.isSymbolicLink()) {
                    Files.deleteIfExists(t);
                    Files.createSymbolicLink(t, Files.readSymbolicLink(f));
                } else if (a.isRegularFile()) {
                    copySparse(f, t);
                    copyOwnership(f, t);
                }
                return FileVisitResult.CONTINUE;
            }
        }));
    }

    /**
     * Writes {@code bytes} to {@code file} atomically: a temporary file renamed over the old one. Not forced: over NFS
     * the close commits the data to the server, and a record lost or torn by a controller crash is rebuilt from the
     * Anvil's state by the retried call (a share marked with the volume's name, a file of the volume's size).
     */
    static Either<Failure, Done> writeAtomically(Path file, byte[] bytes) {
        Path temp = temporary(file);
        return io("write " + file, () -> {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(bytes));
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }).peekLeft(f -> quietDelete(temp));
    }

    static Path temporary(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
    }

    private static void copySparse(Path source, Path target) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long size;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            size = in.size();
            for (long at = 0; at < size; ) {
                chunk.clear();
                int n = in.read(chunk, at);
                if (n <= 0) {
                    break;
                }
                chunk.flip();
                if (!allZero(chunk)) {
                    while (chunk.hasRemaining()) {
                        out.write(chunk, at + chunk.position());
                    }
                }
                at += n;
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "rw")) {
            if (f.length() < size) {
                f.setLength(size);
            }
        }
    }

    private static boolean allZero(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void copyOwnership(Path from, Path to) {
        try {
            PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(to, a.permissions());
            PosixFileAttributeView v = Files.getFileAttributeView(to, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            v.setOwner(a.owner());
            v.setGroup(a.group());
        } catch (IOException | UnsupportedOperationException e) {
            // an export with root squash refuses chown: the data is copied, the owner is the squashed user
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : s.toList()) {
                    delete(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    private static void quietDelete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is removed by the next attempt
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private static Either<Failure, Done> io(String what, Work work) {
        try {
            work.run();
            return Either.right(Done.DONE);
        } catch (NoSuchFileException e) {
            return Either.left(Failure.notFound("cannot " + what + ": " + e.getFile() + " does not exist"));
        } catch (AccessDeniedException e) {
            return Either.left(new Failure.PermissionDenied("cannot " + what + ": access denied to " + e.getFile()));
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot " + what + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage()));
        }
    }
}
