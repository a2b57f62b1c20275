package io.csi4j.domain.topology;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.List;

/** Where the CO needs a new volume to be reachable from (requisite) and where it would like it (preferred). */
public record TopologyRequirement(List<Topology> requisite, List<Topology> preferred) {

    public TopologyRequirement {
        requisite = List.copyOf(requisite);
        preferred = List.copyOf(preferred);
    }

    /** CSI: if the requirement is present, at least one of the two lists is non-empty. */
    public static Either<Failure, TopologyRequirement> of(List<Topology> requisite, List<Topology> preferred) {
        if (requisite.isEmpty() && preferred.isEmpty()) {
            return Either.left(Failure.invalidArgument(
                    "accessibility_requirements needs at least one requisite or preferred topology"));
        }
        return Either.right(new TopologyRequirement(requisite, preferred));
    }
}
