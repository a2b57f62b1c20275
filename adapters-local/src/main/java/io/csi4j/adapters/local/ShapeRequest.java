package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a CreateVolume request says about the shape of the new volume, from the StorageClass parameters
 * {@code kind} and {@code fsType} and from the requested capabilities. {@code kind} is empty when nothing
 * asked for one (then a new volume is a directory, or takes the shape of its content source); {@code fsType}
 * is empty when nothing named a filesystem type.
 *
 * <p>Rules: a block capability, a capability fs_type or the {@code fsType} parameter imply an image;
 * {@code kind=directory} with any of them is InvalidArgument. An image's filesystem type is the capability's
 * fs_type, else the {@code fsType} parameter, else the configured default; capabilities that disagree, or
 * any type other than ext4 and xfs, are InvalidArgument.
 */
record ShapeRequest(Optional<Kind> kind, Optional<String> fsType) {

    static final String KIND = "kind";
    static final String FS_TYPE = "fsType";
    static final Set<String> KEYS = Set.of(KIND, FS_TYPE);

    static Either<Failure, ShapeRequest> of(Parameters parameters, List<VolumeCapability> capabilities) {
        Set<String> unknown = parameters.unknownKeys(KEYS);
        if (!unknown.isEmpty()) {
            return Either.left(Failure.invalidArgument("parameter '" + Printable.of(unknown.iterator().next())
                    + "' is not known to the local backend (known: kind, fsType)"));
        }
        return explicitKind(parameters).flatMap(kind -> fsTypeParameter(parameters)
                .flatMap(fsParam -> capabilityFsType(capabilities)
                        .flatMap(capFs -> combine(kind, fsParam, capFs, capabilities))));
    }

    /** The shape of a new volume without a content source. */
    Shape fresh(String defaultFsType) {
        return kind.orElse(Kind.DIRECTORY) == Kind.DIRECTORY
                ? Shape.directory()
                : Shape.image(fsType.orElse(defaultFsType));
    }

    /** The shape of a volume copied from a source of shape {@code source}: the source's, if the request allows. */
    Either<Failure, Shape> from(Shape source) {
        if (kind.isPresent() && kind.get() != source.kind()) {
            return Either.left(Failure.invalidArgument("the content source is " + article(source.kind())
                    + " volume, but the request asks for " + article(kind.get()) + " volume"));
        }
        if (fsType.isPresent() && !fsType.get().equals(source.fsType())) {
            return Either.left(Failure.invalidArgument("the content source holds "
                    + (source.fsType().isEmpty() ? "no filesystem" : source.fsType())
                    + ", but the request asks for " + fsType.get()));
        }
        return Either.right(source);
    }

    private static String article(Kind k) {
        return (k == Kind.IMAGE ? "an " : "a ") + k.parameter();
    }

    private static Either<Failure, ShapeRequest> combine(Optional<Kind> kind, Optional<String> fsParam,
            Optional<String> capFs, List<VolumeCapability> capabilities) {
        boolean block = capabilities.stream().anyMatch(VolumeCapability::isBlock);
        boolean impliesImage = block || capFs.isPresent() || fsParam.isPresent();
        if (kind.orElse(null) == Kind.DIRECTORY && impliesImage) {
            return Either.left(Failure.invalidArgument("kind=directory volumes have no filesystem type and no "
                    + "block access; use kind=image for " + (block ? "block access" : "a filesystem type")));
        }
        Optional<Kind> resolved = kind.isPresent() ? kind : (impliesImage ? Optional.of(Kind.IMAGE) : Optional.empty());
        return Either.right(new ShapeRequest(resolved, capFs.or(() -> fsParam)));
    }

    private static Either<Failure, Optional<Kind>> explicitKind(Parameters parameters) {
        Optional<String> raw = parameters.get(KIND);
        if (raw.isEmpty()) {
            return Either.right(Optional.empty());
        }
        return Kind.fromParameter(raw.get()).map(k -> Either.<Failure, Optional<Kind>>right(Optional.of(k)))
                .orElseGet(() -> Either.left(Failure.invalidArgument("parameter kind must be directory or image, "
                        + "not '" + Printable.of(raw.get()) + "'")));
    }

    private static Either<Failure, Optional<String>> fsTypeParameter(Parameters parameters) {
        Optional<String> raw = parameters.get(FS_TYPE);
        if (raw.isPresent() && !Shape.FS_TYPES.contains(raw.get())) {
            return Either.left(Failure.invalidArgument("parameter fsType must be ext4 or xfs, not '"
                    + Printable.of(raw.get()) + "'"));
        }
        return Either.right(raw);
    }

    private static Either<Failure, Optional<String>> capabilityFsType(List<VolumeCapability> capabilities) {
        Set<String> asked = new TreeSet<>();
        capabilities.stream().map(VolumeCapability::fsType).filter(f -> !f.isEmpty()).forEach(asked::add);
        if (asked.size() > 1) {
            return Either.left(Failure.invalidArgument("the volume capabilities ask for different filesystem "
                    + "types: " + String.join(", ", asked)));
        }
        Optional<String> fs = asked.stream().findFirst();
        if (fs.isPresent() && !Shape.FS_TYPES.contains(fs.get())) {
            return Either.left(Failure.invalidArgument("filesystem type '" + Printable.of(fs.get())
                    + "' is not supported by the local backend; use ext4 or xfs"));
        }
        return Either.right(fs);
    }
}
