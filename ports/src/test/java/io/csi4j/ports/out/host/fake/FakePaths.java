package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.HostPaths;
import io.csi4j.ports.out.host.fake.FakeKernel.Location;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Fake confined file operations, with the kernel's answers: EBUSY on a mount point, EROFS on a read-only mount. */
final class FakePaths implements HostPaths {

    static final String RECORD = ".csi4j-stage";

    private final FakeKernel kernel;
    private final FakeConfinement confinement;

    FakePaths(FakeKernel kernel, FakeConfinement confinement) {
        this.kernel = kernel;
        this.confinement = confinement;
    }

    @Override
    public Either<Failure, Path> confine(String field, String path) {
        return kernel.locked(() -> confinement.lexical(field, path)
                .flatMap(lexical -> confinement.locate(field, lexical, true).map(at -> lexical)));
    }

    @Override
    public Either<Failure, Kind> kind(Path path) {
        return kernel.locked(() -> confinement.locate("path", path, false).map(FakePaths::kindOf));
    }

    @Override
    public Either<Failure, Done> ensureDirectory(Path path) {
        return kernel.locked(() -> confinement.locate("path", path, false).flatMap(at -> switch (kindOf(at)) {
            case DIRECTORY -> Either.right(Done.DONE);
            case ABSENT -> create(at.canonical(), new FakeNode.Dir());
            default -> Either.left(Failure.precondition(at.canonical() + " exists and is not a directory"));
        }));
    }

    @Override
    public Either<Failure, Done> ensureFile(Path path) {
        return kernel.locked(() -> confinement.locate("path", path, false).flatMap(at -> switch (kindOf(at)) {
            case FILE, BLOCK_DEVICE -> Either.right(Done.DONE);
            case ABSENT -> create(at.canonical(), new FakeNode.File(new FakeData(0)));
            default -> Either.left(Failure.precondition(at.canonical() + " exists and is not a file"));
        }));
    }

    @Override
    public Either<Failure, Done> remove(Path path) {
        return kernel.locked(() -> confinement.locate("path", path, false).flatMap(at -> {
            if (confinement.isRoot(at.canonical())) {
                return Either.left(Failure.invalidArgument("refusing to remove an allowed root: " + path));
            }
            Kind kind = kindOf(at);
            if (kind == Kind.ABSENT) {
                return Either.right(Done.DONE);
            }
            if (kernel.topmostAt(at.canonical()).isPresent()) {
                return Either.left(Failure.precondition("cannot remove " + at.canonical() + ": in use (mounted)"));
            }
            if (kind != Kind.DIRECTORY && kind != Kind.FILE) {
                return Either.left(Failure.precondition(at.canonical() + " is neither a directory nor a file"));
            }
            if (kind == Kind.DIRECTORY && at.mount().fs.hasChildren(at.fsPath())) {
                return Either.left(Failure.precondition(at.canonical() + " is not empty"));
            }
            return writable(at).map(ok -> {
                at.mount().fs.nodes.remove(at.fsPath());
                return Done.DONE;
            });
        }));
    }

    @Override
    public Either<Failure, Done> writeRecord(Path dir, Map<String, String> record) {
        return kernel.locked(() -> confinement.locate("path", dir, false).flatMap(at -> kindOf(at) != Kind.DIRECTORY
                ? Either.left(Failure.precondition(at.canonical() + " is not a directory"))
                : kernel.resolve(at.canonical().resolve(RECORD), false, p -> true)
                        .flatMap(file -> writable(file).map(ok -> {
                            file.mount().fs.nodes.put(file.fsPath(), new FakeNode.Record(Map.copyOf(record)));
                            return Done.DONE;
                        }))));
    }

    @Override
    public Either<Failure, Optional<Map<String, String>>> readRecord(Path dir) {
        return kernel.locked(() -> confinement.locate("path", dir, false)
                .flatMap(at -> kernel.resolve(at.canonical().resolve(RECORD), false, p -> true))
                .map(file -> file.node() instanceof FakeNode.Record r ? Optional.of(r.values()) : Optional.empty()));
    }

    @Override
    public Either<Failure, Done> removeRecord(Path dir) {
        return kernel.locked(() -> confinement.locate("path", dir, false)
                .flatMap(at -> kernel.resolve(at.canonical().resolve(RECORD), false, p -> true))
                .flatMap(file -> !(file.node() instanceof FakeNode.Record) ? Either.right(Done.DONE)
                        : writable(file).map(ok -> {
                            file.mount().fs.nodes.remove(file.fsPath());
                            return Done.DONE;
                        })));
    }

    @Override
    public Either<Failure, Done> shareWithGroup(Path dir, long gid) {
        return kernel.locked(() -> confinement.locate("path", dir, true).flatMap(at -> kindOf(at) != Kind.DIRECTORY
                ? Either.left(Failure.precondition(at.canonical() + " is not a directory"))
                : writable(at).map(ok -> {
                    at.mount().fs.groups.put(at.fsPath(), gid);
                    return Done.DONE;
                })));
    }

    /** The group given to the directory's data with {@link #shareWithGroup}, if any. */
    Optional<Long> groupOf(Path dir) {
        return kernel.locked(() -> confinement.locate("path", dir, true)
                .map(at -> Optional.ofNullable(at.mount().fs.groups.get(at.fsPath())))).getOrElse(Optional.empty());
    }

    /** Creates {@code node} at {@code path}, and missing parent directories first, like mkdir -p. */
    static Either<Failure, Done> create(FakeKernel kernel, Path path, FakeNode node) {
        Path parent = path.getParent();
        Either<Failure, Location> up = kernel.resolve(parent, true, p -> true);
        if (up.isLeft()) {
            return up.map(at -> Done.DONE);
        }
        if (up.get().absent()) {
            Either<Failure, Done> made = create(kernel, parent, new FakeNode.Dir());
            if (made.isLeft()) {
                return made;
            }
        } else if (!(up.get().node() instanceof FakeNode.Dir)) {
            return Either.left(Failure.precondition(parent + " is not a directory"));
        }
        return kernel.resolve(path, false, p -> true).flatMap(at -> writable(at).map(ok -> {
            at.mount().fs.nodes.put(at.fsPath(), node);
            return Done.DONE;
        }));
    }

    private Either<Failure, Done> create(Path path, FakeNode node) {
        return create(kernel, path, node);
    }

    private static Either<Failure, Done> writable(Location at) {
        return at.mount().readOnly ? Either.left(Failure.precondition(at.canonical() + ": read-only file system"))
                : Either.right(Done.DONE);
    }

    static Kind kindOf(Location at) {
        return switch (at.node()) {
            case null -> Kind.ABSENT;
            case FakeNode.Dir dir -> Kind.DIRECTORY;
            case FakeNode.File file -> Kind.FILE;
            case FakeNode.Record record -> Kind.FILE;
            case FakeNode.Device device -> Kind.BLOCK_DEVICE;
            case FakeNode.Link link -> Kind.OTHER;
        };
    }
}
