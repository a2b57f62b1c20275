package io.csi4j.adapters.intelliflash;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.DatasetKind;
import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.adapters.intelliflash.block.BlockPublishing;
import io.csi4j.adapters.intelliflash.block.BlockShape;
import io.csi4j.adapters.intelliflash.core.ArrayBackend;
import io.csi4j.adapters.intelliflash.core.Arrays;
import io.csi4j.adapters.intelliflash.core.Datasets;
import io.csi4j.adapters.intelliflash.core.Found;
import io.csi4j.adapters.intelliflash.core.Publications;
import io.csi4j.adapters.intelliflash.core.Rest;
import io.csi4j.adapters.intelliflash.core.VolumeParams;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.NodeFact;
import io.csi4j.ports.out.PublishSupport;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The block backend ({@code intelliflash-block}), replacing {@code intelliflash-csi-block-driver.intelliflash.com}:
 * volumes are LUNs reached over iSCSI, as a filesystem or as a raw block device. A filesystem on a LUN is not a
 * cluster filesystem, so only one node may write it (several may read it); raw block devices may be shared.
 */
public final class IntelliFlashBlockBackend extends ArrayBackend {

    private final BlockPublishing publishing;

    IntelliFlashBlockBackend(IntelliFlashConfig config, Arrays arrays, Clock clock) {
        this(config, arrays, new BlockShape(config.name(), config.chap()), clock);
    }

    private IntelliFlashBlockBackend(IntelliFlashConfig config, Arrays arrays, BlockShape shape, Clock clock) {
        super(config, arrays, new Datasets(arrays, DatasetKind.VOLUME, IntelliFlashBlockBackend::withdraw), shape, true,
                clock);
        this.publishing = new BlockPublishing(new Publications(datasets), shape, config.chap());
    }

    /** A LUN kept only for its snapshots loses its views, so no node sees it any more. */
    private static Either<Failure, Done> withdraw(ArrayApi api, Found f) {
        String context = "withdrawing " + f.at().ref();
        return Rest.ok(api.views(f.at().path()), context).flatMap(views -> {
            for (SanRecords.View v : views) {
                Either<Failure, Done> removed = Rest.gone(api.unmap(f.at().path(), v.hostGroup(), v.targetGroup()), context);
                if (removed.isLeft()) {
                    return removed;
                }
            }
            return Either.right(Done.DONE);
        });
    }

    @Override
    public Either<Failure, Done> validate(Parameters parameters, List<VolumeCapability> capabilities) {
        return VolumeParams.parse(Flavour.BLOCK, parameters).flatMap(p -> capabilities.stream()
                .map(IntelliFlashBlockBackend::servable).filter(Either::isLeft).findFirst().orElse(Either.right(Done.DONE)));
    }

    private static Either<Failure, Done> servable(VolumeCapability c) {
        AccessMode m = c.accessMode();
        if (!c.isBlock() && m.isMultiNode() && !m.isReadOnly()) {
            return Either.left(Failure.invalidArgument("a filesystem on an IntelliFlash LUN can be written by one node "
                    + "only: " + m + " needs raw block access or the intelliflash-file backend"));
        }
        return Either.right(Done.DONE);
    }

    @Override
    public Either<Failure, Done> supports(Volume volume, VolumeCapability capability) {
        return servable(capability);
    }

    @Override
    public Set<NodeFact> nodeFacts() {
        return Set.of(NodeFact.ISCSI_INITIATOR);
    }

    @Override
    public Optional<PublishSupport> publishing() {
        return Optional.of(publishing);
    }
}
