package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.id.VolumeId;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * The record of which nodes a volume is published to (kept in the dataset's record, since the array's ACLs and
 * initiator groups do not name Kubernetes nodes), shared by the file and block publishers.
 */
public final class Publications {

    private final Datasets datasets;

    public Publications(Datasets datasets) {
        this.datasets = datasets;
    }

    public Datasets datasets() {
        return datasets;
    }

    public Either<Failure, Found> volume(VolumeId id) {
        return DatasetRef.parse(id.handle()).<Either<Failure, Found>>map(datasets::visible)
                .orElseGet(() -> Either.left(Failure.notFound("volume " + Printable.of(id.value()) + " does not exist")));
    }

    public static Either<Failure, NodeFacts> facts(NodeId node) {
        return NodeFacts.parse(node);
    }

    /** Adds the node to the record, unless it is there already with the same read-only flag. */
    public Either<Failure, Done> remember(ArrayApi api, Found f, NodeId node, boolean readOnly) {
        Metadata meta = f.metaOrBlank();
        Boolean known = meta.nodes().get(node.value());
        if (known != null && known == readOnly) {
            return Either.right(Done.DONE);
        }
        return datasets.record(api, f.at(), meta.withNode(node.value(), readOnly), java.util.Map.of());
    }

    /** Removes the nodes from the record (all of them when {@code node} is empty). */
    public Either<Failure, Done> forget(ArrayApi api, Found f, Optional<NodeId> node) {
        Metadata meta = f.metaOrBlank();
        if (node.isPresent() && !meta.nodes().containsKey(node.get().value())
                || node.isEmpty() && meta.nodes().isEmpty()) {
            return Either.right(Done.DONE);
        }
        return datasets.record(api, f.at(), node.map(n -> meta.withoutNode(n.value())).orElseGet(meta::withoutNodes),
                java.util.Map.of());
    }

    /** CSI §3.4: the same node asking again with the other read-only flag is ALREADY_EXISTS. */
    public static Either<Failure, Done> sameFlag(Found f, NodeId node, boolean readOnly) {
        Boolean known = f.metaOrBlank().nodes().get(node.value());
        if (known != null && known != readOnly) {
            return Either.left(Failure.alreadyExists("volume " + f.at().ref() + " is published to node " + node
                    + (known ? " read-only" : " read-write") + " already"));
        }
        return Either.right(Done.DONE);
    }

    public Either<Failure, List<NodeId>> nodes(VolumeId id) {
        return volume(id).map(f -> f.metaOrBlank().nodes().keySet().stream().map(NodeId::new).toList());
    }
}
