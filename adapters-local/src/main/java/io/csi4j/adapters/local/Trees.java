package io.csi4j.adapters.local;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Copies and deletes directory trees without ever following a symbolic link, so that a link a workload
 * planted inside its volume cannot make the backend read or delete anything outside that volume.
 */
final class Trees {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    /** Deletion stopped because a directory inside the tree belongs to another mounted file system. */
    static final class ForeignMountException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        ForeignMountException(Path dir) {
            super(dir.toString(), null, "another file system is mounted here");
        }
    }

    private Trees() {}

    /**
     * Deletes a file, a link or a whole directory tree; false when nothing was there. It refuses to descend
     * into another file system (a mount inside a volume) rather than delete what that file system holds.
     */
    static boolean delete(Path path) throws IOException {
        if (!Files.exists(path, NOFOLLOW)) {
            return false;
        }
        if (!Files.isDirectory(path, NOFOLLOW)) {
            Files.deleteIfExists(path);
            return true;
        }
        Object device = Files.getAttribute(path, "unix:dev", NOFOLLOW);
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!device.equals(Files.getAttribute(dir, "unix:dev", NOFOLLOW))) {
                    throw new ForeignMountException(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        return true;
    }

    /**
     * Copies the tree at {@code source} to {@code target} (which must not exist): regular files through
     * {@link SparseCopy}, links and special files as they are, with modes, owners and times; every file
     * and directory of the copy is forced before this returns. Extended attributes and ACLs are not copied.
     */
    static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(target.resolve(source.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file));
                if (attrs.isRegularFile()) {
                    SparseCopy.copy(file, copy);
                    copyAttributes(file, copy);
                } else {
                    Files.copy(file, copy, NOFOLLOW, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Path copy = target.resolve(source.relativize(dir));
                // Times last: creating the children changed the directory's modification time.
                copyAttributes(dir, copy);
                Durable.sync(copy);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Owner, group, mode (with set-id and sticky bits) and times, in the order chown-then-chmod needs. */
    static void copyAttributes(Path from, Path to) throws IOException {
        Map<String, Object> src = Files.readAttributes(from, "unix:uid,gid,mode", NOFOLLOW);
        Map<String, Object> dst = Files.readAttributes(to, "unix:uid,gid", NOFOLLOW);
        if (!src.get("uid").equals(dst.get("uid"))) {
            Files.setAttribute(to, "unix:uid", src.get("uid"), NOFOLLOW);
        }
        if (!src.get("gid").equals(dst.get("gid"))) {
            Files.setAttribute(to, "unix:gid", src.get("gid"), NOFOLLOW);
        }
        Files.setAttribute(to, "unix:mode", src.get("mode"), NOFOLLOW);
        BasicFileAttributes times = Files.readAttributes(from, BasicFileAttributes.class, NOFOLLOW);
        Files.getFileAttributeView(to, BasicFileAttributeView.class, NOFOLLOW)
                .setTimes(times.lastModifiedTime(), times.lastAccessTime(), null);
    }
}
