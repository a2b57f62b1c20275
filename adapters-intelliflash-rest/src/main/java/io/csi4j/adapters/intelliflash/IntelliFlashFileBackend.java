package io.csi4j.adapters.intelliflash;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.DatasetKind;
import io.csi4j.adapters.intelliflash.core.ArrayBackend;
import io.csi4j.adapters.intelliflash.core.Arrays;
import io.csi4j.adapters.intelliflash.core.Datasets;
import io.csi4j.adapters.intelliflash.core.Found;
import io.csi4j.adapters.intelliflash.core.LowTierRef;
import io.csi4j.adapters.intelliflash.core.Publications;
import io.csi4j.adapters.intelliflash.core.Rest;
import io.csi4j.adapters.intelliflash.core.VolumeParams;
import io.csi4j.adapters.intelliflash.file.FilePublishing;
import io.csi4j.adapters.intelliflash.file.FileShape;
import io.csi4j.adapters.intelliflash.lowtier.LowTier;
import io.csi4j.adapters.intelliflash.lowtier.ParentShares;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.ExpansionSupport;
import io.csi4j.ports.out.NodeFact;
import io.csi4j.ports.out.PublishSupport;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file backend ({@code intelliflash-file}), replacing {@code intelliflash-csi-file-driver.intelliflash.com}:
 * volumes are shares exported over NFS (to the nodes they are published to) or SMB, or — with
 * {@code lowTierVolume: "true"} — folders in a pre-made parent share. Shares are not block devices.
 */
public final class IntelliFlashFileBackend extends ArrayBackend {

    private final LowTier lowTier;
    private final FilePublishing publishing;

    IntelliFlashFileBackend(IntelliFlashConfig config, Arrays arrays, Optional<ParentShares> parentShares, Clock clock) {
        this(config, arrays, new FileShape(config.name()), parentShares, clock);
    }

    private IntelliFlashFileBackend(IntelliFlashConfig config, Arrays arrays, FileShape shape,
            Optional<ParentShares> parentShares, Clock clock) {
        super(config, arrays, new Datasets(arrays, DatasetKind.SHARE, IntelliFlashFileBackend::withdraw), shape, false,
                clock);
        this.lowTier = new LowTier(config.name(), arrays, parentShares);
        this.publishing = new FilePublishing(new Publications(datasets), shape);
    }

    /** A share kept only for its snapshots is exported no more. */
    private static Either<Failure, Done> withdraw(ArrayApi api, Found f) {
        String path = f.at().path();
        String context = "withdrawing " + f.at().ref();
        return Rest.ok(api.nfsExposed(path), context)
                .flatMap(on -> on ? Rest.done(api.setNfs(path, false), context) : Either.right(Done.DONE))
                .flatMap(x -> Rest.ok(api.smbExposed(path), context))
                .flatMap(on -> on ? Rest.done(api.setSmb(path, false, f.info().smbName()), context) : Either.right(Done.DONE));
    }

    @Override
    public Either<Failure, Done> validate(Parameters parameters, List<VolumeCapability> capabilities) {
        return VolumeParams.parse(Flavour.FILE, parameters).flatMap(p -> capabilities.stream()
                .map(this::servable).filter(Either::isLeft).findFirst().orElse(Either.right(Done.DONE)));
    }

    private Either<Failure, Done> servable(VolumeCapability c) {
        return c.isBlock() ? Either.left(Failure.invalidArgument("an IntelliFlash share cannot be a raw block device; "
                + "use the intelliflash-block backend")) : Either.right(Done.DONE);
    }

    @Override
    public Either<Failure, Done> supports(Volume volume, VolumeCapability capability) {
        return servable(capability);
    }

    @Override
    public Set<NodeFact> nodeFacts() {
        return Set.of(NodeFact.ADDRESS);
    }

    @Override
    public Either<Failure, Volume> create(VolumeSpec spec) {
        if (LowTier.asked(spec.parameters())) {
            return VolumeParams.parse(Flavour.FILE, spec.parameters()).flatMap(p -> lowTier.create(spec, p));
        }
        return super.create(spec);
    }

    @Override
    public Either<Failure, Volume> get(VolumeId id) {
        return lowTier.recognise(id.handle()).map(lowTier::get).orElseGet(() -> super.get(id));
    }

    @Override
    public Either<Failure, Done> delete(VolumeId id, Secrets secrets) {
        return lowTier.recognise(id.handle()).map(lowTier::delete).orElseGet(() -> super.delete(id, secrets));
    }

    @Override
    public Optional<VolumeId> recogniseForeignId(String raw) {
        return super.recogniseForeignId(raw)
                .or(() -> lowTier.recognise(raw).map(r -> VolumeId.foreign(config.name(), raw)));
    }

    @Override
    public Optional<PublishSupport> publishing() {
        return Optional.of(new LowTierAware());
    }

    @Override
    public Optional<ExpansionSupport> expansion() {
        ExpansionSupport shares = super.expansion().orElseThrow();
        return Optional.of((id, size, block, secrets) -> lowTier.recognise(id.handle())
                // A folder has no size: any size fits, and nothing changes.
                .map(r -> lowTier.get(r).map(v -> new Expansion(size, false)))
                .orElseGet(() -> shares.expand(id, size, block, secrets)));
    }

    /** Low-tier folders live in a share every node may already mount: publishing only hands out the data path. */
    private final class LowTierAware implements PublishSupport {

        @Override
        public Either<Failure, Map<String, String>> publish(VolumeId id, NodeId node, VolumeCapability capability,
                boolean readOnly, Secrets secrets) {
            Optional<LowTierRef> low = lowTier.recognise(id.handle());
            if (low.isPresent()) {
                return lowTier.get(low.get()).map(v -> DataPathCodec.encode(v.dataPath()));
            }
            return publishing.publish(id, node, capability, readOnly, secrets);
        }

        @Override
        public Either<Failure, Done> unpublish(VolumeId id, Optional<NodeId> node, Secrets secrets) {
            return lowTier.recognise(id.handle()).isPresent() ? Either.right(Done.DONE)
                    : publishing.unpublish(id, node, secrets);
        }

        @Override
        public Either<Failure, List<NodeId>> publishedNodes(VolumeId id) {
            return lowTier.recognise(id.handle()).isPresent() ? Either.right(List.of()) : publishing.publishedNodes(id);
        }
    }
}
