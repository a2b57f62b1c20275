package io.csi4j.ports.service.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.NodePublishCommand;
import io.csi4j.ports.in.NodeStageCommand;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiAddress;
import io.csi4j.ports.out.host.LoopDevice;
import io.csi4j.ports.out.host.Mounter;
import io.csi4j.ports.out.host.fake.FakeHost;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A raw block volume staged writable and published read-only (CSI §4.4): the target gets a read-only view of the
 * staged device, since a read-only bind of a device node still passes writes; views are shared, given back at
 * unpublish, swept at unstage (also after a crash), and grown with the device.
 */
class ReadOnlyBlockPublishTest {

    private static final long MIB = 1L << 20;
    private static final Path KUBELET = Path.of("/var/lib/kubelet");
    private static final Path LOCAL = Path.of("/var/lib/csi4j");
    private static final Path IMAGE = LOCAL.resolve("volumes/v1/image");
    private static final Path STAGING = KUBELET.resolve("plugins/csi4j.io/pv1/globalmount");
    private static final Path RW = target("rw");
    private static final Path RO1 = target("ro1");
    private static final Path RO2 = target("ro2");
    private static final VolumeCapability BLOCK = VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);
    private static final byte[] DATA = "written through the writable target".getBytes(StandardCharsets.US_ASCII);

    private final FakeHost fake = new FakeHost(List.of(KUBELET, LOCAL));
    private final NodeHost host = new NodeHost(fake.mountTable(), fake.mounter(), fake.loopDevices(), fake.filesystems(),
            fake.blockDevices(), fake.stats(), fake.paths());
    private final NodeSettings settings = new NodeSettings(NodeFacts.named("node-1"), Optional.empty(), List.of(LOCAL),
            "ext4", 0);
    private final InFlight inFlight = new InFlight();
    private final NodeLocks locks = new NodeLocks();
    private final StageVolumeService stage = new StageVolumeService(host, settings, inFlight, locks);
    private final UnstageVolumeService unstage = new UnstageVolumeService(host, inFlight, locks);
    private final PublishVolumeService publish = new PublishVolumeService(host, inFlight);
    private final UnpublishVolumeService unpublish = new UnpublishVolumeService(host, inFlight);
    private final VolumeStatsService stats = new VolumeStatsService(host);
    private final ExpandNodeVolumeService expand = new ExpandNodeVolumeService(host, inFlight);

    ReadOnlyBlockPublishTest() {
        fake.mkdirs(STAGING);
        fake.mkdirs(IMAGE.getParent());
        fake.createImage(IMAGE, 32 * MIB);
        for (Path t : List.of(RW, RO1, RO2)) {
            fake.mkdirs(t.getParent());
        }
    }

    private static Path target(String pod) {
        return KUBELET.resolve("pods/" + pod + "/volumes/kubernetes.io~csi/pv1/mount");
    }

    private Either<Failure, ?> stage(VolumeCapability cap) {
        return stage.stage(new NodeStageCommand("local:v1", STAGING.toString(), cap,
                new DataPath.LocalImage(IMAGE.toString()), Parameters.EMPTY, Parameters.EMPTY, Secrets.NONE));
    }

    private Either<Failure, ?> publish(Path target, VolumeCapability cap, boolean readOnly) {
        return publish.publish(new NodePublishCommand("local:v1", STAGING.toString(), target.toString(), cap, readOnly));
    }

    private Either<Failure, ?> unpublish(Path target) {
        return unpublish.unpublish("local:v1", target.toString());
    }

    private Path stagedDevice() {
        return fake.loopDevices().find(IMAGE).get().orElseThrow();
    }

    private List<Path> views() {
        return fake.loopDevices().views(stagedDevice()).get();
    }

    private void assertNothingLeft() {
        assertThat(fake.loopDevices().list().get()).as("no loop device left").isEmpty();
        assertThat(fake.mountTable().mounts().get().stream().filter(m -> m.target().startsWith(KUBELET)))
                .as("no mount left").isEmpty();
    }

    @Test
    void aReadOnlyTargetOfAWritableBlockVolumeRefusesWritesThroughASharedView() throws Exception {
        assertThat(stage(BLOCK).isRight()).isTrue();
        assertThat(publish(RW, BLOCK, false).isRight()).isTrue();
        assertThat(publish(RO1, BLOCK, true).isRight()).isTrue();
        assertThat(publish(RO2, BLOCK, true).isRight()).isTrue();

        assertThat(views()).as("one view, shared by the read-only targets").hasSize(1);
        Path view = views().getFirst();
        assertThat(fake.blockDevices().number(RO1).get()).isEqualTo(fake.blockDevices().number(view).get());
        assertThat(fake.blockDevices().number(RO2).get()).isEqualTo(fake.blockDevices().number(view).get());
        assertThat(fake.blockDevices().number(RW).get()).isEqualTo(fake.blockDevices().number(stagedDevice()).get());
        fake.writeStart(RW, DATA);
        assertThat(fake.readStart(RO1, DATA.length)).as("the view shows the volume's data").isEqualTo(DATA);
        assertThatThrownBy(() -> fake.writeStart(RO1, new byte[DATA.length])).isInstanceOf(IOException.class);
        assertThat(fake.readStart(IMAGE, DATA.length)).isEqualTo(DATA);
        assertThat(stats.stats("local:v1", RO1.toString(), Optional.empty()).get().totalBytes()).isEqualTo(32 * MIB);

        assertThat(unpublish(RO1).isRight()).isTrue();
        assertThat(views()).as("still bound at the other read-only target").containsExactly(view);
        assertThat(unpublish(RO2).isRight()).isTrue();
        assertThat(views()).as("the last read-only target gave it back").isEmpty();
        assertThat(unpublish(RW).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void repeatsFollowTheCsiTableForReadOnlyBlockTargets() {
        assertThat(stage(BLOCK).isRight()).isTrue();
        assertThat(publish(RW, BLOCK, false).isRight()).isTrue();
        assertThat(publish(RO1, BLOCK, true).isRight()).isTrue();

        assertThat(publish(RO1, BLOCK, true).isRight()).as("same target, same flags").isTrue();
        assertThat(publish(RO1, BLOCK, false).getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(publish(RW, BLOCK, true).getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(views()).hasSize(1);
        assertThat(fake.mountTable().mounts().get().stream().filter(m -> m.target().equals(RO1))).hasSize(1);

        assertThat(unpublish(RO1).isRight()).isTrue();
        assertThat(unpublish(RO1).isRight()).as("repeat").isTrue();
        assertThat(unpublish(RW).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void aSingleNodeSingleWriterVolumeCountsAReadOnlyTargetAsPublished() {
        VolumeCapability single = VolumeCapability.block(AccessMode.SINGLE_NODE_SINGLE_WRITER);
        assertThat(stage(single).isRight()).isTrue();
        assertThat(publish(RO1, single, true).isRight()).isTrue();

        assertThat(publish(RW, single, false).getLeft()).isInstanceOf(Failure.FailedPrecondition.class);

        assertThat(unpublish(RO1).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void expandingGrowsTheViewsTooWhicheverTargetItIsAskedAt() {
        assertThat(stage(BLOCK).isRight()).isTrue();
        assertThat(publish(RW, BLOCK, false).isRight()).isTrue();
        assertThat(publish(RO1, BLOCK, true).isRight()).isTrue();

        fake.resizeImage(IMAGE, 48 * MIB);
        assertThat(expand.expand("local:v1", RW.toString(), Optional.empty(), CapacityRange.of(48 * MIB, 0).get(),
                Optional.of(BLOCK)).get()).isEqualTo(48 * MIB);
        assertThat(fake.blockDevices().size(RO1).get()).isEqualTo(48 * MIB);

        fake.resizeImage(IMAGE, 64 * MIB);
        assertThat(expand.expand("local:v1", RO1.toString(), Optional.empty(), CapacityRange.of(64 * MIB, 0).get(),
                Optional.of(BLOCK)).get()).as("asked at the read-only target").isEqualTo(64 * MIB);
        assertThat(fake.blockDevices().size(RW).get()).isEqualTo(64 * MIB);
        assertThat(stats.stats("local:v1", RO1.toString(), Optional.empty()).get().totalBytes()).isEqualTo(64 * MIB);

        assertThat(unpublish(RO1).isRight()).isTrue();
        assertThat(unpublish(RW).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void unstageDetachesAViewLeftByAnUnpublishThatDiedBetweenUnmountAndDetach() {
        assertThat(stage(BLOCK).isRight()).isTrue();
        assertThat(publish(RO1, BLOCK, true).isRight()).isTrue();
        // The crash: the target came off, the view stayed, and kubelet's retry finds nothing at the target.
        assertThat(fake.mounter().unmount(RO1, Mounter.Unmount.NORMAL).isRight()).isTrue();
        assertThat(unpublish(RO1).isRight()).isTrue();
        assertThat(views()).hasSize(1);

        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void unstageAfterACrashThatAlsoTookTheStagingMountStillDetachesViewAndDevice() {
        assertThat(stage(BLOCK).isRight()).isTrue();
        assertThat(publish(RO1, BLOCK, true).isRight()).isTrue();
        assertThat(fake.mounter().unmount(RO1, Mounter.Unmount.NORMAL).isRight()).isTrue();
        assertThat(fake.mounter().unmount(STAGING.resolve("block"), Mounter.Unmount.NORMAL).isRight()).isTrue();

        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void unstageWhileAReadOnlyTargetIsStillPublishedIsRefusedAndTakesNothingAway() {
        assertThat(stage(BLOCK).isRight()).isTrue();
        assertThat(publish(RO1, BLOCK, true).isRight()).isTrue();

        assertThat(unstage.unstage("local:v1", STAGING.toString()).getLeft())
                .isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(views()).hasSize(1);
        assertThat(fake.blockDevices().isBlockDevice(RO1)).isTrue();

        assertThat(unpublish(RO1).isRight()).isTrue();
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void aReaderOnlyBlockVolumeIsAlreadyReadOnlySoItNeedsNoView() throws Exception {
        VolumeCapability rox = VolumeCapability.block(AccessMode.MULTI_NODE_READER_ONLY);
        assertThat(stage(rox).isRight()).isTrue();
        assertThat(publish(RO1, rox, true).isRight()).isTrue();
        assertThat(publish(RO2, rox, false).isRight()).as("the access mode makes it read-only anyway").isTrue();

        assertThat(fake.loopDevices().list().get()).singleElement().extracting(LoopDevice::device)
                .isEqualTo(stagedDevice());
        assertThatThrownBy(() -> fake.writeStart(RO1, DATA)).isInstanceOf(IOException.class);

        assertThat(unpublish(RO1).isRight()).isTrue();
        assertThat(unpublish(RO2).isRight()).isTrue();
        assertThat(fake.loopDevices().list().get()).as("the staged device is not a view to give back").hasSize(1);
        assertThat(unstage.unstage("local:v1", STAGING.toString()).isRight()).isTrue();
        assertNothingLeft();
    }

    @Test
    void anIscsiLunPublishedReadOnlyGetsAViewThatUnstageTakesAwayBeforeLoggingOut() throws Exception {
        String iqn = "iqn.2024-01.io.csi4j.test:target1";
        NodeScene node = new NodeScene();
        node.fake.addIscsiTarget(iqn, List.of("10.0.0.9:3260"), Optional.<ChapCredentials>empty(), 64 * MIB);
        DataPath.IscsiLun lun = new DataPath.IscsiLun(List.of("10.0.0.9:3260"), iqn, 1, false);
        Path rw = node.target("p1", "v1");
        Path ro = node.target("p2", "v1");
        assertThat(node.stage("v1", lun, BLOCK).isRight()).isTrue();
        assertThat(node.publish("v1", rw, BLOCK, false).isRight()).isTrue();
        assertThat(node.publish("v1", ro, BLOCK, true).isRight()).isTrue();
        Path device = node.fake.iscsi().find(IscsiAddress.of(List.of("10.0.0.9:3260"), iqn, 1).get()).get()
                .orElseThrow();

        assertThat(node.fake.loopDevices().views(device).get()).hasSize(1);
        node.fake.writeStart(rw, DATA);
        assertThat(node.fake.readStart(ro, DATA.length)).isEqualTo(DATA);
        assertThatThrownBy(() -> node.fake.writeStart(ro, new byte[DATA.length])).isInstanceOf(IOException.class);
        node.fake.resizeLun(iqn, 1, 96 * MIB);
        assertThat(node.expand.expand("v1", ro.toString(), Optional.empty(), CapacityRange.of(96 * MIB, 0).get(),
                Optional.of(BLOCK)).get()).isEqualTo(96 * MIB);
        assertThat(node.fake.blockDevices().size(rw).get()).isEqualTo(96 * MIB);

        // A crash between the target's unmount and the view's detach: unstage still takes the view away.
        assertThat(node.fake.mounter().unmount(ro, Mounter.Unmount.NORMAL).isRight()).isTrue();
        assertThat(node.unpublish.unpublish("v1", rw.toString()).isRight()).isTrue();
        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.fake.loopDevices().list().get()).isEmpty();
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
        assertThat(node.ourMounts()).isEmpty();
    }
}
