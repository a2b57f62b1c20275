package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.ports.out.host.HostPaths;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;

/**
 * Confines the paths of local data (from volume_context, which a person may have written for a pre-provisioned
 * volume) to the roots of the local backends configured on this node: a path elsewhere is refused before any host
 * operation.
 */
final class LocalData {

    private LocalData() {}

    static Either<Failure, Path> confine(List<Path> roots, HostPaths paths, String raw, HostPaths.Kind expected) {
        Path p = Path.of(raw);
        if (!p.isAbsolute() || !p.normalize().equals(p) || roots.stream().noneMatch(r -> p.startsWith(r) && !p.equals(r))) {
            return Either.left(Failure.invalidArgument("volume_context data path '" + Printable.of(raw)
                    + "' is not inside a local backend root on this node"));
        }
        return paths.confine("volume_context data path", raw).flatMap(c -> paths.kind(c).flatMap(kind -> {
            if (kind == HostPaths.Kind.ABSENT) {
                return Either.left(Failure.notFound("the volume's data " + c + " does not exist on this node"));
            }
            if (kind != expected) {
                return Either.left(Failure.precondition("the volume's data " + c + " is not a " + expected.name().toLowerCase()));
            }
            return Either.right(c);
        }));
    }
}
