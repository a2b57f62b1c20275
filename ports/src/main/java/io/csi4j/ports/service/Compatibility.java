package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.topology.TopologyRequirement;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.CreateVolumeCommand;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * CSI §3.2.1: a volume that already exists under the requested name is returned only when it satisfies every
 * argument of the new request — size inside the range, every capability, the same parameters, the same
 * content source, a place inside the topology requirement — and is ALREADY_EXISTS otherwise.
 */
final class Compatibility {

    private Compatibility() {}

    static Either<Failure, Volume> check(VolumeBackend backend, Volume existing, CreateVolumeCommand c,
            Parameters params, Optional<ContentSource> source) {
        String name = "volume '" + c.name().value() + "' exists";
        if (!c.capacity().admits(existing.capacityBytes())) {
            return Either.left(Failure.alreadyExists(name + " with " + existing.capacityBytes()
                    + " bytes, outside the requested range"));
        }
        for (VolumeCapability cap : c.capabilities()) {
            var supported = backend.supports(existing, cap);
            if (supported.isLeft()) {
                return Either.left(Failure.alreadyExists(name + " and cannot serve a requested capability: "
                        + supported.getLeft().message()));
            }
        }
        if (parametersKnown(backend, existing)
                && !existing.parameters().withoutKubernetesKeys().equals(params.withoutKubernetesKeys())) {
            return Either.left(Failure.alreadyExists(name + " with other parameters"));
        }
        if (!existing.source().map(ContentSource::sourceId).equals(source.map(ContentSource::sourceId))) {
            return Either.left(Failure.alreadyExists(name + " with another content source"));
        }
        if (c.topology().isPresent() && !placedWithin(existing.accessibleTopology(), c.topology().get())) {
            return Either.left(Failure.alreadyExists(name + " outside the requested topology"));
        }
        return Either.right(existing);
    }

    /** Empty recorded parameters mean "unknown" unless the backend records them for every volume. */
    static boolean parametersKnown(VolumeBackend backend, Volume existing) {
        return backend.recordsParameters() || !existing.parameters().isEmpty();
    }

    /** CSI §3.2.4: only requisite topologies restrict where a volume may be; preferences alone never do. */
    private static boolean placedWithin(List<Topology> placed, TopologyRequirement r) {
        if (placed.isEmpty() || r.requisite().isEmpty()) {
            return true;
        }
        return placed.stream().anyMatch(p -> r.requisite().stream().anyMatch(p::isWithin));
    }
}
