package io.csi4j.adapters.intelliflash.core;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.ExpansionSupport;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * ControllerExpandVolume on the array: a share's quota or a LUN's size is raised (never lowered). A grown LUN
 * needs the node to rescan it and grow its filesystem; a share needs nothing on the node. A share without quota
 * has no size to raise: it is reported at the size asked.
 */
public final class DatasetExpansion implements ExpansionSupport {

    private final Datasets datasets;
    private final Shape shape;
    private final boolean nodeGrowsAfterwards;

    public DatasetExpansion(Datasets datasets, Shape shape, boolean nodeGrowsAfterwards) {
        this.datasets = datasets;
        this.shape = shape;
        this.nodeGrowsAfterwards = nodeGrowsAfterwards;
    }

    @Override
    public Either<Failure, Expansion> expand(VolumeId id, long newSizeBytes, boolean block, Secrets secrets) {
        Optional<DatasetRef> ref = DatasetRef.parse(id.handle());
        if (ref.isEmpty()) {
            return Either.left(Failure.notFound("volume " + Printable.of(id.value()) + " does not exist"));
        }
        return datasets.visible(ref.get()).flatMap(f -> {
            long size = f.info().sizeBytes();
            if (size == 0) {
                return Either.right(new Expansion(newSizeBytes, false));
            }
            if (size >= newSizeBytes) {
                // A repeat after a lost answer: the node step is idempotent and may not have run yet.
                return Either.right(new Expansion(size, nodeGrowsAfterwards));
            }
            return Rest.done(f.at().array().api(secrets).modify(datasets.kind(), f.at().path(), shape.resize(newSizeBytes)),
                    "growing " + f.at().ref() + " to " + newSizeBytes + " bytes")
                    .map(done -> new Expansion(newSizeBytes, nodeGrowsAfterwards));
        });
    }
}
