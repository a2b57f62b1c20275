package io.csi4j.domain.topology;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Chooses where a volume that is reachable from exactly one place goes (CSI §3.2.4 with x = 1): the first
 * preferred topology a candidate satisfies, else the first requisite one, else — with no requirement, or with
 * preferences but no requisite — the first candidate.
 */
public final class Placement {

    private Placement() {}

    /**
     * @param candidates the places the backend can put the volume, in its own order of preference
     * @param requirement what the CO asked for, if anything
     * @return the candidate chosen, or CapacityExhausted when the requirement is valid but no candidate fits
     */
    public static Either<Failure, Topology> choose(List<Topology> candidates, Optional<TopologyRequirement> requirement) {
        if (candidates.isEmpty()) {
            return Either.left(Failure.exhausted("no place can hold the volume"));
        }
        if (requirement.isEmpty()) {
            return Either.right(candidates.getFirst());
        }
        TopologyRequirement r = requirement.get();
        for (Topology wanted : r.preferred()) {
            Optional<Topology> hit = firstWithin(candidates, wanted);
            if (hit.isPresent()) {
                return Either.right(hit.get());
            }
        }
        if (r.requisite().isEmpty()) {
            // CSI §3.2.4: preferences alone do not restrict; when none can be met, any topology will do.
            return Either.right(candidates.getFirst());
        }
        for (Topology wanted : r.requisite()) {
            Optional<Topology> hit = firstWithin(candidates, wanted);
            if (hit.isPresent()) {
                return Either.right(hit.get());
            }
        }
        // A valid requirement that this backend cannot meet: RESOURCE_EXHAUSTED lets the CO reschedule.
        return Either.left(Failure.exhausted("the volume can only be placed in " + candidates
                + ", which is outside the requested topology"));
    }

    private static Optional<Topology> firstWithin(List<Topology> candidates, Topology wanted) {
        return candidates.stream().filter(c -> c.isWithin(wanted)).findFirst();
    }
}
