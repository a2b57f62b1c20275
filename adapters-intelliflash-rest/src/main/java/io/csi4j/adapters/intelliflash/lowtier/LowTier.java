package io.csi4j.adapters.intelliflash.lowtier;

import io.csi4j.adapters.intelliflash.ArrayConfig;
import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.core.Array;
import io.csi4j.adapters.intelliflash.core.ArrayNames;
import io.csi4j.adapters.intelliflash.core.Arrays;
import io.csi4j.adapters.intelliflash.core.LowTierRef;
import io.csi4j.adapters.intelliflash.core.Presentation;
import io.csi4j.adapters.intelliflash.core.VolumeParams;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.Text;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The "No Rest API tier" ({@code lowTierVolume: "true"}): each volume is a folder in a share the administrator made
 * and exported to every node ({@code parentShareMountPoint}); creating and deleting one makes or removes the folder
 * through {@link ParentShares}, with no REST call. Folders have no size (capacity 0: unknown), no snapshots, no
 * clones. Ids are {@code <configName>:<parentShareMountPoint>/<folder>} (see {@link LowTierRef}).
 */
public final class LowTier {

    private final BackendName backend;
    private final Arrays arrays;
    private final Optional<ParentShares> shares;

    public LowTier(BackendName backend, Arrays arrays, Optional<ParentShares> shares) {
        this.backend = backend;
        this.arrays = arrays;
        this.shares = shares;
    }

    /** The low-tier reference of an id, when it is one of a configured array's low tier. */
    public Optional<LowTierRef> recognise(String handle) {
        return LowTierRef.parse(handle).filter(r -> arrays.named(r.configName())
                .flatMap(a -> a.config().parentShareMountPoint()).map(r.parentMountPoint()::equals).orElse(false));
    }

    public Either<Failure, Volume> create(VolumeSpec spec, VolumeParams params) {
        if (spec.source().isPresent()) {
            return Either.left(Failure.invalidArgument("low-tier volumes cannot be restored or cloned"));
        }
        return arrays.forCreate(params.configName(), spec.placement()).flatMap(a -> parent(a).flatMap(parent -> {
            int room = Text.MAX_BYTES - a.name().length() - parent.length() - 2;
            String folder = ArrayNames.of(spec.name().value(), room);
            LowTierRef ref = new LowTierRef(a.name(), parent, folder);
            return on(a, parent, dir -> make(dir.resolve(folder))).map(done -> volume(a, ref));
        }));
    }

    public Either<Failure, Volume> get(LowTierRef ref) {
        Array a = arrays.named(ref.configName()).orElseThrow();
        return on(a, ref.parentMountPoint(), dir -> Files.isDirectory(dir.resolve(ref.folder()), LinkOption.NOFOLLOW_LINKS)
                ? Either.right(volume(a, ref))
                : Either.left(Failure.notFound("low-tier volume " + ref + " does not exist")));
    }

    public Either<Failure, Done> delete(LowTierRef ref) {
        Array a = arrays.named(ref.configName()).orElseThrow();
        return on(a, ref.parentMountPoint(), dir -> remove(dir.resolve(ref.folder())));
    }

    private Either<Failure, String> parent(Array a) {
        return a.config().parentShareMountPoint().<Either<Failure, String>>map(Either::right)
                .orElseGet(() -> Either.left(Failure.invalidArgument("lowTierVolume needs parentShareMountPoint in the "
                        + "configuration of array " + a.name())));
    }

    private <T> Either<Failure, T> on(Array a, String parent, java.util.function.Function<Path, Either<Failure, T>> work) {
        if (shares.isEmpty()) {
            return Either.left(Failure.unsupported("this process cannot mount the low tier's parent share"));
        }
        ArrayConfig c = a.config();
        return shares.get().withShare(c.defaultDataIp(), parent, c.defaultMountOptions(), work);
    }

    private Volume volume(Array a, LowTierRef ref) {
        ArrayConfig c = a.config();
        List<String> options = Presentation.withoutCredentials(c.defaultMountOptions());
        String export = ref.parentMountPoint() + "/" + ref.folder();
        Map<String, String> attributes = new TreeMap<>(Map.of("configName", c.configName(), "dataIp", c.defaultDataIp(),
                "mountFsType", "nfs", "mountPoint", export, "lowTierVolume", "true"));
        Optional<VolumeName> name = ref.folder().startsWith(ArrayNames.HASHED_PREFIX) ? Optional.empty()
                : Optional.of(new VolumeName(ref.folder()));
        return new Volume(VolumeId.foreign(backend, ref.handle()), name, 0,
                new DataPath.NfsExport(c.defaultDataIp(), export, options), new Parameters(attributes), Optional.empty(),
                a.topology().map(List::of).orElse(List.of()), Parameters.EMPTY);
    }

    private static Either<Failure, Done> make(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            return Either.right(Done.DONE);
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot make low-tier folder " + folder.getFileName() + ": " + e));
        }
    }

    private static Either<Failure, Done> remove(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Either.right(Done.DONE);
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
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
            return Either.right(Done.DONE);
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot remove low-tier folder " + folder.getFileName() + ": " + e));
        }
    }

    /** Whether a create asks for the low tier. */
    public static boolean asked(Parameters p) {
        return VolumeParams.parse(Flavour.FILE, p).map(VolumeParams::lowTier).getOrElse(false);
    }
}
