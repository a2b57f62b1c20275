package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.NodePublishCommand;
import io.csi4j.ports.in.NodeStageCommand;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.fake.FakeHost;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake node with every node use case wired over it, and the paths kubelet would use, for one test. */
final class NodeScene {

    static final long MIB = 1L << 20;
    static final Path KUBELET = Path.of("/var/lib/kubelet");
    static final Path SHARES = KUBELET.resolve("plugins/csi4j.io/shares");
    static final VolumeCapability RWO = VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);
    static final VolumeCapability ROX = VolumeCapability.mount("", AccessMode.MULTI_NODE_READER_ONLY);
    static final VolumeCapability BLOCK = VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);

    final FakeHost fake = new FakeHost(List.of(KUBELET));
    final NodeHost host = new NodeHost(fake.mountTable(), fake.mounter(), fake.loopDevices(), fake.filesystems(),
            fake.blockDevices(), fake.stats(), fake.paths(), fake.iscsi());
    final NodeSettings settings = new NodeSettings(NodeFacts.named("node-1"), Optional.empty(), List.of(), "ext4", 0,
            NodeSettings.DEFAULT_NFS_VERSIONS, Optional.of(SHARES));
    final InFlight inFlight = new InFlight();
    final NodeLocks locks = new NodeLocks();
    final StageVolumeService stage = new StageVolumeService(host, settings, inFlight, locks);
    final UnstageVolumeService unstage = new UnstageVolumeService(host, inFlight, locks);
    final PublishVolumeService publish = new PublishVolumeService(host, inFlight);
    final UnpublishVolumeService unpublish = new UnpublishVolumeService(host, inFlight);
    final VolumeStatsService stats = new VolumeStatsService(host);
    final ExpandNodeVolumeService expand = new ExpandNodeVolumeService(host, inFlight);

    /** The staging directory of volume {@code id} (created, as kubelet does). */
    Path staging(String id) {
        Path p = KUBELET.resolve("plugins/kubernetes.io/csi/csi4j.io/" + id + "/globalmount");
        fake.mkdirs(p);
        return p;
    }

    /** A pod's target path for volume {@code id} (its parent created, as kubelet does). */
    Path target(String pod, String id) {
        Path p = KUBELET.resolve("pods/" + pod + "/volumes/kubernetes.io~csi/" + id + "/mount");
        fake.mkdirs(p.getParent());
        return p;
    }

    Either<Failure, Done> stage(String id, DataPath path, VolumeCapability cap) {
        return stage(id, path, cap, Secrets.NONE, Map.of());
    }

    Either<Failure, Done> stage(String id, DataPath path, VolumeCapability cap, Secrets secrets,
            Map<String, String> context) {
        return stage.stage(new NodeStageCommand(id, staging(id).toString(), cap, path, new Parameters(context),
                Parameters.EMPTY, secrets));
    }

    Either<Failure, Done> unstage(String id) {
        return unstage.unstage(id, staging(id).toString());
    }

    Either<Failure, Done> publish(String id, Path target, VolumeCapability cap, boolean readOnly) {
        return publish.publish(new NodePublishCommand(id, staging(id).toString(), target.toString(), cap, readOnly));
    }

    List<MountPoint> mounts() {
        return fake.mountTable().mounts().get();
    }

    /** The mounts under the kubelet directory: what a test must leave at zero. */
    List<MountPoint> ourMounts() {
        return mounts().stream().filter(m -> m.target().startsWith(KUBELET)).toList();
    }

    Optional<MountPoint> at(Path target) {
        return MountIdentity.at(mounts(), target);
    }

    static VolumeCapability mount(String fsType, List<String> flags, AccessMode mode) {
        return new VolumeCapability(new AccessType.Mount(fsType, flags, ""), mode);
    }
}
