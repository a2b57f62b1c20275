package io.csi4j.adapters.grpc.mapping;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.topology.TopologyRequirement;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/** Translates topologies and topology requirements; keys and values are checked by {@link Topology#parse}. */
public final class TopologyMapper {

    private static final String FIELD = "accessibility_requirements";

    private TopologyMapper() {}

    public static Either<Failure, Topology> toDomain(String field, io.csi4j.csi.v1.Topology proto) {
        return Topology.parse(proto.getSegmentsMap())
                .mapLeft(f -> Failure.invalidArgument(field + ": " + f.message()));
    }

    public static io.csi4j.csi.v1.Topology toProto(Topology topology) {
        return io.csi4j.csi.v1.Topology.newBuilder().putAllSegments(topology.segments()).build();
    }

    /**
     * CSI §3.2.4: a present requirement has requisite and/or preferred entries; with requisite entries, every
     * preferred one must be among them (the CO keeps preferred ⊆ requisite; we reject a CO that does not).
     */
    public static Either<Failure, TopologyRequirement> toDomain(io.csi4j.csi.v1.TopologyRequirement proto) {
        Either<Failure, List<Topology>> requisite = all(FIELD + ".requisite", proto.getRequisiteList());
        if (requisite.isLeft()) {
            return Either.left(requisite.getLeft());
        }
        Either<Failure, List<Topology>> preferred = all(FIELD + ".preferred", proto.getPreferredList());
        if (preferred.isLeft()) {
            return Either.left(preferred.getLeft());
        }
        if (!requisite.get().isEmpty() && !requisite.get().containsAll(preferred.get())) {
            return Either.left(Failure.invalidArgument(FIELD + ".preferred has a topology that is not in requisite"));
        }
        return TopologyRequirement.of(requisite.get(), preferred.get());
    }

    private static Either<Failure, List<Topology>> all(String field, List<io.csi4j.csi.v1.Topology> protos) {
        List<Topology> out = new ArrayList<>(protos.size());
        for (int i = 0; i < protos.size(); i++) {
            Either<Failure, Topology> t = toDomain(field + "[" + i + "]", protos.get(i));
            if (t.isLeft()) {
                return Either.left(t.getLeft());
            }
            out.add(t.get());
        }
        return Either.right(out);
    }
}
