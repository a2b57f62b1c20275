package io.csi4j.ports.service.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.NodePublishCommand;
import io.csi4j.ports.in.NodeStageCommand;
import io.csi4j.ports.in.NodeVolumeStats;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.fake.FakeHost;
import io.csi4j.ports.service.InFlight;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node use cases against the fake host: every decision comes from the (fake) host's state. */
class NodeServicesTest {

    private static final long MIB = 1L << 20;
    private static final Path KUBELET = Path.of("/var/lib/kubelet");
    private static final Path LOCAL = Path.of("/var/lib/csi4j");
    private static final Path STAGING = KUBELET.resolve("plugins/csi4j.io/pv1/globalmount");
    private static final Path TARGET = KUBELET.resolve("pods/p1/volumes/kubernetes.io~csi/pv1/mount");
    private static final Path TARGET2 = KUBELET.resolve("pods/p2/volumes/kubernetes.io~csi/pv1/mount");
    private static final VolumeCapability RWO = VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);
    private static final VolumeCapability BLOCK = VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);

    private final FakeHost fake = new FakeHost(List.of(KUBELET, LOCAL));
    private final NodeHost host = new NodeHost(fake.mountTable(), fake.mounter(), fake.loopDevices(), fake.filesystems(),
            fake.blockDevices(), fake.stats(), fake.paths());
    private final NodeSettings settings = new NodeSettings(io.csi4j.domain.id.NodeFacts.named("node-1"),
            Optional.of(Topology.of("topology.csi4j.io/node", "node-1")), List.of(LOCAL), "ext4", 0);
    private final InFlight inFlight = new InFlight();
    private final NodeLocks locks = new NodeLocks();
    private final StageVolumeService stage = new StageVolumeService(host, settings, inFlight, locks);
    private final UnstageVolumeService unstage = new UnstageVolumeService(host, inFlight, locks);
    private final PublishVolumeService publish = new PublishVolumeService(host, inFlight);
    private final UnpublishVolumeService unpublish = new UnpublishVolumeService(host, inFlight);
    private final VolumeStatsService stats = new VolumeStatsService(host);
    private final ExpandNodeVolumeService expand = new ExpandNodeVolumeService(host, inFlight);

    NodeServicesTest() {
        fake.mkdirs(STAGING);
        fake.mkdirs(TARGET.getParent());
        fake.mkdirs(TARGET2.getParent());
    }

    private Path directoryVolume() {
        Path data = LOCAL.resolve("volumes/v1/data");
        fake.mkdirs(data);
        return data;
    }

    private Path imageVolume(long bytes) {
        Path image = LOCAL.resolve("volumes/v2/image");
        fake.mkdirs(image.getParent());
        fake.createImage(image, bytes);
        return image;
    }

    private static NodeStageCommand stageOf(DataPath path, VolumeCapability cap) {
        return new NodeStageCommand("local:v1", STAGING.toString(), cap, path, Parameters.EMPTY, Parameters.EMPTY,
                Secrets.NONE);
    }

    private static NodePublishCommand publishOf(Path target, VolumeCapability cap, boolean readOnly) {
        return new NodePublishCommand("local:v1", STAGING.toString(), target.toString(), cap, readOnly);
    }

    private List<MountPoint> mounts() {
        return fake.mountTable().mounts().get();
    }

    private long ourMounts() {
        return mounts().stream().filter(m -> m.target().startsWith(KUBELET)).count();
    }

    @Test
    void aDirectoryVolumeGoesThroughItsWholeLifecycleAndLeavesNothing() {
        Path data = directoryVolume();
        DataPath path = new DataPath.LocalDirectory(data.toString());

        assertThat(stage.stage(stageOf(path, RWO)).isRight()).isTrue();
        assertThat(stage.stage(stageOf(path, RWO)).isRight()).as("repeat").isTrue();
        assertThat(publish.publish(publishOf(TARGET, RWO, false)).isRight()).isTrue();
        assertThat(publish.publish(publishOf(TARGET, RWO, false)).isRight()).as("repeat").isTrue();
        assertThat(publish.publish(publishOf(TARGET, RWO, true)).getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(publish.publish(publishOf(TARGET2, RWO, true)).isRight()).as("SINGLE_NODE_WRITER: a second pod").isTrue();
        assertThat(ourMounts()).isEqualTo(3);

        NodeVolumeStats s = stats.stats("local:v1", TARGET.toString(), Optional.empty()).get();
        assertThat(s.totalBytes()).isPositive();
        assertThat(s.condition().abnormal()).isFalse();

        assertThat(unpublish.unpublish("local:v1", TARGET.toString()).isRight()).isTrue();
        assertThat(unpublish.unpublish("local:v1", TARGET2.toString()).isRight()).isTrue();
        assertThat(unpublish.unpublish("local:v1", TARGET.toString()).isRight()).as("repeat").isTrue();
        assertThat(fake.exists(TARGET)).isFalse();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).as("repeat").isTrue();
        assertThat(ourMounts()).isZero();
        assertThat(fake.exists(STAGING.resolve(".csi4j-stage"))).isFalse();
        assertThat(fake.exists(STAGING)).as("the staging directory belongs to the CO").isTrue();
    }

    @Test
    void aBlankImageIsFormattedMountedGrownAndDetachedAtUnstage() {
        Path image = imageVolume(320 * MIB);
        DataPath path = new DataPath.LocalImage(image.toString());
        VolumeCapability xfs = VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER);

        assertThat(stage.stage(stageOf(path, xfs)).isRight()).isTrue();
        assertThat(stage.stage(stageOf(path, xfs)).isRight()).isTrue();
        assertThat(stage.stage(stageOf(path, VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER))).getLeft())
                .isInstanceOf(Failure.AlreadyExists.class);
        assertThat(fake.loopDevices().find(image).get()).isPresent();
        assertThat(MountIdentity.at(mounts(), STAGING).get().fsType()).isEqualTo("xfs");
        assertThat(publish.publish(publishOf(TARGET, xfs, false)).isRight()).isTrue();

        long before = stats.stats("local:v1", TARGET.toString(), Optional.of(STAGING.toString())).get().totalBytes();
        fake.resizeImage(image, 400 * MIB);
        long grown = expand.expand("local:v1", TARGET.toString(), Optional.of(STAGING.toString()),
                CapacityRange.of(400 * MIB, 0).get(), Optional.of(xfs)).get();
        assertThat(grown).isEqualTo(400 * MIB);
        long after = stats.stats("local:v1", TARGET.toString(), Optional.empty()).get().totalBytes();
        assertThat(after).isGreaterThan(before);
        assertThat(expand.expand("local:v1", TARGET.toString(), Optional.empty(), CapacityRange.of(512 * MIB, 0).get(),
                Optional.of(xfs)).getLeft()).isInstanceOf(Failure.OutOfRange.class);

        assertThat(unpublish.unpublish("local:v1", TARGET.toString()).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertThat(fake.loopDevices().find(image).get()).isEmpty();
        assertThat(ourMounts()).isZero();
    }

    @Test
    void anImageHoldingAnotherFilesystemIsNeverReformatted() {
        Path image = imageVolume(64 * MIB);
        DataPath path = new DataPath.LocalImage(image.toString());
        assertThat(stage.stage(stageOf(path, VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER))).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();

        var refused = stage.stage(stageOf(path, VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER)));
        assertThat(refused.getLeft()).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(refused.getLeft().message()).contains("ext4");
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertThat(fake.loopDevices().list().get()).isEmpty();
    }

    @Test
    void aRawBlockImageIsBoundOntoFilesAndItsDeviceGrows() {
        Path image = imageVolume(32 * MIB);
        DataPath path = new DataPath.LocalImage(image.toString());

        assertThat(stage.stage(stageOf(path, BLOCK)).isRight()).isTrue();
        assertThat(stage.stage(stageOf(path, BLOCK)).isRight()).isTrue();
        assertThat(publish.publish(publishOf(TARGET, BLOCK, false)).isRight()).isTrue();
        assertThat(fake.paths().kind(TARGET).get()).isEqualTo(io.csi4j.ports.out.host.HostPaths.Kind.BLOCK_DEVICE);
        assertThat(fake.filesystems().probe(fake.loopDevices().find(image).get().get()).get()).as("never formatted").isEmpty();
        assertThat(stats.stats("local:v1", TARGET.toString(), Optional.empty()).get().totalBytes()).isEqualTo(32 * MIB);

        fake.resizeImage(image, 48 * MIB);
        assertThat(expand.expand("local:v1", TARGET.toString(), Optional.empty(), CapacityRange.of(48 * MIB, 0).get(),
                Optional.of(BLOCK)).get()).isEqualTo(48 * MIB);

        assertThat(unpublish.unpublish("local:v1", TARGET.toString()).isRight()).isTrue();
        assertThat(fake.exists(TARGET)).isFalse();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertThat(fake.loopDevices().list().get()).isEmpty();
        assertThat(fake.exists(STAGING.resolve("block"))).isFalse();
        assertThat(ourMounts()).isZero();
    }

    @Test
    void aStagedBlockVolumeHasStatsAndGrowsAtItsStagingPath() {
        Path image = imageVolume(32 * MIB);
        assertThat(stage.stage(stageOf(new DataPath.LocalImage(image.toString()), BLOCK)).isRight()).isTrue();

        // CSI §4.6 and §4.7: volume_path may be the staging path, where the device sits on a file inside it.
        var staged = stats.stats("local:v1", STAGING.toString(), Optional.of(STAGING.toString()));
        assertThat(staged.get().totalBytes()).isEqualTo(32 * MIB);
        fake.resizeImage(image, 48 * MIB);
        assertThat(expand.expand("local:v1", STAGING.toString(), Optional.of(STAGING.toString()),
                CapacityRange.of(48 * MIB, 0).get(), Optional.of(BLOCK)).get()).isEqualTo(48 * MIB);
        assertThat(stats.stats("local:v1", STAGING.toString(), Optional.empty()).get().totalBytes()).isEqualTo(48 * MIB);

        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertThat(stats.stats("local:v1", STAGING.toString(), Optional.empty()).getLeft())
                .isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void aFilesystemThatTurnedReadOnlyUnderAWritableMountIsAbnormal() {
        Path image = imageVolume(64 * MIB);
        assertThat(stage.stage(stageOf(new DataPath.LocalImage(image.toString()), RWO)).isRight()).isTrue();
        assertThat(publish.publish(publishOf(TARGET, RWO, false)).isRight()).isTrue();

        // A remount (or an ext4 error on older kernels) sets ro; ext4 errors on newer kernels show emergency_ro.
        for (List<String> superOptions : List.of(List.of("ro"), List.of("rw", "errors=remount-ro", "emergency_ro"))) {
            var failed = new VolumeStatsService(withSuperOptions(superOptions));
            var condition = failed.stats("local:v1", TARGET.toString(), Optional.empty()).get().condition();
            assertThat(condition.abnormal()).as(superOptions.toString()).isTrue();
        }
        var healthy = new VolumeStatsService(withSuperOptions(List.of("rw", "errors=remount-ro")));
        assertThat(healthy.stats("local:v1", TARGET.toString(), Optional.empty()).get().condition().abnormal()).isFalse();
    }

    /** The fake host, its mount table showing {@code superOptions} for every mount of the kubelet directory. */
    private NodeHost withSuperOptions(List<String> superOptions) {
        var real = fake.mountTable();
        var table = new io.csi4j.ports.out.host.MountTable() {
            @Override
            public io.vavr.control.Either<Failure, List<MountPoint>> mounts() {
                return real.mounts().map(all -> all.stream().map(m -> m.target().startsWith(KUBELET) ? new MountPoint(
                        m.id(), m.parentId(), m.device(), m.root(), m.target(), m.options(), m.propagation(), m.fsType(),
                        m.source(), superOptions) : m).toList());
            }

            @Override
            public io.vavr.control.Either<Failure, Optional<MountPoint>> at(Path target) {
                return mounts().map(all -> MountIdentity.at(all, target));
            }
        };
        return new NodeHost(table, fake.mounter(), fake.loopDevices(), fake.filesystems(), fake.blockDevices(),
                fake.stats(), fake.paths());
    }

    @Test
    void unstageAfterACrashThatLeftOnlyTheLoopDeviceStillDetachesIt() {
        Path image = imageVolume(32 * MIB);
        assertThat(stage.stage(stageOf(new DataPath.LocalImage(image.toString()), RWO)).isRight()).isTrue();
        // The mount went away (someone unmounted it, or a crash between unmount and detach): only the record knows.
        assertThat(fake.mounter().unmount(STAGING, io.csi4j.ports.out.host.Mounter.Unmount.NORMAL).isRight()).isTrue();
        assertThat(fake.loopDevices().list().get()).hasSize(1);

        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertThat(fake.loopDevices().list().get()).isEmpty();
    }

    @Test
    void aSingleNodeSingleWriterVolumeRefusesASecondTarget() {
        DataPath path = new DataPath.LocalDirectory(directoryVolume().toString());
        VolumeCapability rwop = VolumeCapability.mount("", AccessMode.SINGLE_NODE_SINGLE_WRITER);
        stage.stage(stageOf(path, rwop));
        assertThat(publish.publish(publishOf(TARGET, rwop, false)).isRight()).isTrue();
        assertThat(publish.publish(publishOf(TARGET2, rwop, false)).getLeft()).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(fake.exists(TARGET2)).isFalse();
    }

    @Test
    void readOnlyAccessModesPublishReadOnly() {
        DataPath path = new DataPath.LocalDirectory(directoryVolume().toString());
        VolumeCapability rox = VolumeCapability.mount("", AccessMode.MULTI_NODE_READER_ONLY);
        assertThat(stage.stage(stageOf(path, rox)).isRight()).isTrue();
        assertThat(publish.publish(publishOf(TARGET, rox, false)).isRight()).isTrue();
        assertThat(MountIdentity.at(mounts(), TARGET).get().isReadOnly()).isTrue();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        Path data = directoryVolume();
        DataPath dir = new DataPath.LocalDirectory(data.toString());
        var outsideStaging = new NodeStageCommand("local:v1", "/etc/evil", RWO, dir, Parameters.EMPTY, Parameters.EMPTY,
                Secrets.NONE);
        assertThat(stage.stage(outsideStaging).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(stage.stage(stageOf(new DataPath.LocalDirectory("/etc"), RWO)).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(stage.stage(stageOf(new DataPath.LocalDirectory(LOCAL + "/volumes/../../../etc"), RWO)).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(stage.stage(stageOf(new DataPath.LocalDirectory(LOCAL + "/volumes/missing"), RWO)).getLeft())
                .isInstanceOf(Failure.NotFound.class);
        assertThat(stage.stage(stageOf(dir, BLOCK)).getLeft()).isInstanceOf(Failure.FailedPrecondition.class);
        var hostile = new VolumeCapability(new AccessType.Mount("ext4", List.of("bind"), ""), AccessMode.SINGLE_NODE_WRITER);
        assertThat(stage.stage(stageOf(new DataPath.LocalImage(imageVolume(32 * MIB).toString()), hostile)).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(fake.loopDevices().list().get()).as("refused before the image is attached").isEmpty();
        var hostileOnDirectory = new VolumeCapability(new AccessType.Mount("", List.of("x-mount.mkdir"), ""),
                AccessMode.SINGLE_NODE_WRITER);
        assertThat(stage.stage(stageOf(dir, hostileOnDirectory)).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(publish.publish(publishOf(Path.of("/tmp/target"), RWO, false)).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(unpublish.unpublish("local:v1", "/proc").getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(publish.publish(publishOf(TARGET, RWO, false)).getLeft()).as("not staged")
                .isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(stats.stats("local:v1", TARGET.toString(), Optional.empty()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(ourMounts()).isZero();
    }

    @Test
    void aConcurrentCallOnTheSameVolumeIsPending() {
        DataPath dir = new DataPath.LocalDirectory(directoryVolume().toString());
        var second = inFlight.exclusively(InFlight.volume("local:v1"), () -> stage.stage(stageOf(dir, RWO)));
        assertThat(second.getLeft()).isInstanceOf(Failure.OperationPending.class);
        assertThat(ourMounts()).isZero();
    }

    @Test
    void theMountGroupGetsTheVolume() {
        Path image = imageVolume(32 * MIB);
        var cap = new VolumeCapability(new AccessType.Mount("ext4", List.of("noatime"), "2000"), AccessMode.SINGLE_NODE_WRITER);
        assertThat(stage.stage(stageOf(new DataPath.LocalImage(image.toString()), cap)).isRight()).isTrue();
        assertThat(fake.groupOf(STAGING)).contains(2000L);
        var badGroup = new VolumeCapability(new AccessType.Mount("", List.of(), "wheel"), AccessMode.SINGLE_NODE_WRITER);
        fake.mkdirs(KUBELET.resolve("plugins/other"));
        var cmd = new NodeStageCommand("local:v9", KUBELET.resolve("plugins/other").toString(), badGroup,
                new DataPath.LocalDirectory(directoryVolume().toString()), Parameters.EMPTY, Parameters.EMPTY, Secrets.NONE);
        assertThat(stage.stage(cmd).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(ourMounts()).as("refused before the directory is bound").isEqualTo(1);
    }

    @Test
    void aStageRefusedAfterTheAttachLeavesNeitherLoopDeviceNorRecord() {
        Path image = imageVolume(64 * MIB);
        DataPath path = new DataPath.LocalImage(image.toString());
        assertThat(stage.stage(stageOf(path, RWO)).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();

        // ext4 now; asking for xfs is found out only after the image is attached and probed.
        var refused = stage.stage(stageOf(path, VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER)));
        assertThat(refused.getLeft()).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(fake.loopDevices().list().get()).isEmpty();
        assertThat(fake.exists(STAGING.resolve(".csi4j-stage"))).isFalse();
        assertThat(ourMounts()).isZero();
    }

    @Test
    void describeNodeIsStable() {
        var describe = new DescribeNodeService(settings);
        assertThat(describe.nodeId()).isEqualTo("node-1");
        assertThat(describe.topology()).contains(Topology.of("topology.csi4j.io/node", "node-1"));
        assertThat(describe.capabilities()).hasSize(6);
    }

    @SuppressWarnings("unused")
    private static final Map<String, String> NONE = Map.of();
}
