package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.ports.out.host.HostPaths;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * File operations on mount points, confined to the allowed roots. The last component of a path is never
 * followed if it is a symlink (it is reported as OTHER and removed as a link), so a link cannot redirect a
 * create or a remove outside the roots. Every call is bounded by the stat timeout.
 */
final class ConfinedHostPaths implements HostPaths {

    private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---"));
    private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;

    /** The stage record's file name: hidden under the volume once something is mounted on the directory. */
    static final String RECORD = ".csi4j-stage";

    private final Confinement confinement;
    private final HostCommands commands;
    private final Duration commandTimeout;

    ConfinedHostPaths(Confinement confinement, HostCommands commands, Duration commandTimeout) {
        this.confinement = confinement;
        this.commands = commands;
        this.commandTimeout = commandTimeout;
    }

    @Override
    public Either<Failure, Done> writeRecord(Path dir, Map<String, String> record) {
        return confinement.canonical("path", dir, true).flatMap(d -> confinement.bounded("record in " + d, () -> {
            Path tmp = d.resolve(RECORD + ".tmp");
            try {
                Files.writeString(tmp, StageRecordFormat.write(record), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, d.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
                    ch.force(true);
                }
                return Either.right(Done.DONE);
            } catch (IOException e) {
                return Either.left(ioFailure("write the stage record in", d, e));
            }
        }));
    }

    @Override
    public Either<Failure, Optional<Map<String, String>>> readRecord(Path dir) {
        return confinement.canonical("path", dir, true).flatMap(d -> confinement.bounded("record in " + d, () -> {
            try {
                return Either.right(Optional.of(StageRecordFormat.read(Files.readString(d.resolve(RECORD),
                        StandardCharsets.UTF_8))));
            } catch (NoSuchFileException e) {
                return Either.right(Optional.empty());
            } catch (IOException e) {
                return Either.left(ioFailure("read the stage record in", d, e));
            }
        }));
    }

    @Override
    public Either<Failure, Done> removeRecord(Path dir) {
        return confinement.canonical("path", dir, true).flatMap(d -> confinement.bounded("record in " + d,
                () -> deleteIfExists(d.resolve(RECORD))));
    }

    @Override
    public Either<Failure, Done> shareWithGroup(Path dir, long gid) {
        return confinement.canonical("path", dir, true).flatMap(d -> confinement.<Done>bounded("chgrp " + d, () -> {
            try {
                Files.setAttribute(d, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
                return Either.right(Done.DONE);
            } catch (IOException e) {
                return Either.left(ioFailure("give the group to", d, e));
            }
        }).flatMap(ok -> commands.runOk(commandTimeout, List.of(), "chmod", "g+rwxs", d.toString()).map(r -> Done.DONE)));
    }

    @Override
    public Either<Failure, Path> confine(String field, String path) {
        return confinement.guard().lexical(field, path).flatMap(lexical ->
                confinement.canonical(field, lexical, true).map(canonical -> lexical));
    }

    @Override
    public Either<Failure, Kind> kind(Path path) {
        return confinement.canonical("path", path, false).flatMap(p -> confinement.bounded("inspect " + p,
                () -> inspect(p)));
    }

    @Override
    public Either<Failure, Done> ensureDirectory(Path path) {
        return confinement.canonical("path", path, false).flatMap(p -> confinement.bounded("create " + p, () -> {
            try {
                Files.createDirectories(p.getParent());
                Files.createDirectory(p, DIRECTORY_MODE);
                return Either.right(Done.DONE);
            } catch (FileAlreadyExistsException e) {
                return inspect(p).flatMap(kind -> kind == Kind.DIRECTORY ? Either.right(Done.DONE)
                        : Either.left(Failure.precondition(p + " exists and is not a directory")));
            } catch (IOException e) {
                return Either.left(ioFailure("create the directory", p, e));
            }
        }));
    }

    @Override
    public Either<Failure, Done> ensureFile(Path path) {
        return confinement.canonical("path", path, false).flatMap(p -> confinement.bounded("create " + p, () -> {
            try {
                Files.createDirectories(p.getParent());
                Files.createFile(p, FILE_MODE);
                return Either.right(Done.DONE);
            } catch (FileAlreadyExistsException e) {
                // A block device bound onto the file shows as the device: that is a published target too.
                return inspect(p).flatMap(kind -> kind == Kind.FILE || kind == Kind.BLOCK_DEVICE
                        ? Either.right(Done.DONE)
                        : Either.left(Failure.precondition(p + " exists and is not a file")));
            } catch (IOException e) {
                return Either.left(ioFailure("create the file", p, e));
            }
        }));
    }

    @Override
    public Either<Failure, Done> remove(Path path) {
        return confinement.canonical("path", path, false).flatMap(p -> {
            if (confinement.guard().isRoot(p) || confinement.guard().isRoot(path)) {
                return Either.left(Failure.invalidArgument("refusing to remove an allowed root: " + path));
            }
            return confinement.bounded("remove " + p, () -> delete(p));
        });
    }

    private static Either<Failure, Done> delete(Path p) {
        return inspect(p).flatMap(kind -> kind == Kind.ABSENT || kind == Kind.DIRECTORY || kind == Kind.FILE
                ? deleteIfExists(p)
                : Either.left(Failure.precondition(p + " is neither a directory nor a regular file")));
    }

    private static Either<Failure, Done> deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
            return Either.right(Done.DONE);
        } catch (DirectoryNotEmptyException e) {
            return Either.left(Failure.precondition(p + " is not empty"));
        } catch (IOException e) {
            return Either.left(ioFailure("remove", p, e));
        }
    }

    /** EBUSY means a mount point: that is the caller's state to fix (unmount first), not a broken host. */
    private static Failure ioFailure(String action, Path p, IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.toString();
        if (reason.contains("busy")) {
            return Failure.precondition("cannot " + action + " " + p + ": in use (still mounted?)");
        }
        if (reason.contains("Read-only file system")) {
            return Failure.precondition("cannot " + action + " " + p + ": read-only file system");
        }
        if (e instanceof NoSuchFileException) {
            return Failure.notFound("cannot " + action + " " + p + ": a parent does not exist");
        }
        return Failure.unavailable("cannot " + action + " " + p + ": " + reason);
    }

    /** What is at {@code p} itself (a symlink is OTHER); Unavailable when it cannot be read (ESTALE, EIO). */
    private static Either<Failure, Kind> inspect(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return Either.right(switch (mode & SysfsBlockDevices.S_IFMT) {
                case S_IFDIR -> Kind.DIRECTORY;
                case S_IFREG -> Kind.FILE;
                case SysfsBlockDevices.S_IFBLK -> Kind.BLOCK_DEVICE;
                default -> Kind.OTHER;
            });
        } catch (NoSuchFileException e) {
            return Either.right(Kind.ABSENT);
        } catch (IOException e) {
            return Either.left(ioFailure("inspect", p, e));
        }
    }
}
