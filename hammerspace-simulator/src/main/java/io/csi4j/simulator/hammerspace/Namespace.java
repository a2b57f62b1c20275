package io.csi4j.simulator.hammerspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The simulated namespace is a real directory tree: {@code /<share>/a/b} is {@code <root>/<share>/a/b}, so files
 * that a client writes through a mount of the share (or of the tree) show up in {@code GET /files} and in the
 * share's used space. Namespace paths are checked here: absolute, no {@code .} or {@code ..} segments.
 */
final class Namespace {

    /** Where share snapshots appear inside a share, and where file snapshots appear inside a directory. */
    static final String SNAPSHOT_DIR = ".snapshot";
    static final String FILE_SNAPSHOT_DIR = ".fsnapshot";
    private static final int CHUNK = 1 << 20;

    private final Path root;

    Namespace(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    Path root() {
        return root;
    }

    /** The local path of a namespace path; empty when the path is malformed or tries to leave the tree. */
    Optional<Path> local(String nsPath) {
        if (nsPath == null || !nsPath.startsWith("/") || nsPath.contains("\0")) {
            return Optional.empty();
        }
        Path p = root;
        for (String seg : nsPath.substring(1).split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            if (seg.equals(".") || seg.equals("..")) {
                return Optional.empty();
            }
            p = p.resolve(seg);
        }
        return Optional.of(p);
    }

    Path share(String name) {
        return root.resolve(name);
    }

    /** Bytes and entries under a directory. */
    record Usage(long bytes, long entries) {}

    /**
     * Bytes held by regular files under {@code dir} (their apparent size: Java cannot read allocated blocks) and the
     * number of entries, not counting share snapshots (copy-on-write on an Anvil).
     */
    Usage usage(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new Usage(0, 0);
        }
        long[] total = {0, 0};
        walk(dir, total);
        return new Usage(total[0], total[1]);
    }

    long usedBytes(Path dir) {
        return usage(dir).bytes();
    }

    private static void walk(Path dir, long[] total) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir) && d.getFileName().toString().equals(SNAPSHOT_DIR)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    total[1]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    total[1]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file or a whole tree; nothing when absent. */
    static void delete(Path p) throws IOException {
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

    /** Copies a tree, keeping holes in files, and skipping entries {@code skip} names (e.g. {@code .snapshot}). */
    static void copyTree(Path from, Path to, Predicate<Path> skip) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(from) && skip.test(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path target = to.resolve(from.relativize(d).toString());
                Files.createDirectories(target);
                copyMode(d, target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (skip.test(f)) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = to.resolve(from.relativize(f).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(f));
                } else if (attrs.isRegularFile()) {
                    copySparse(f, target);
                    copyMode(f, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Copies a regular file, leaving all-zero 1 MiB chunks as holes, so thin images stay thin. */
    static void copySparse(Path source, Path target) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            for (long at = 0; at < size; ) {
                chunk.clear();
                int n = in.read(chunk, at);
                if (n <= 0) {
                    break;
                }
                chunk.flip();
                if (!allZero(chunk)) {
                    out.write(chunk, at);
                }
                at += n;
            }
        }
        // a trailing hole wrote nothing: set the length explicitly
        if (Files.size(target) < Files.size(source)) {
            try (var raf = new java.io.RandomAccessFile(target.toFile(), "rw")) {
                raf.setLength(Files.size(source));
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

    private static void copyMode(Path from, Path to) {
        try {
            Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(from,
                    LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(to, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: a copy with default permissions is still a faithful copy of the data
        }
    }

    static void moveReplacing(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
