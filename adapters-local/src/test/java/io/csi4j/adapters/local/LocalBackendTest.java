package io.csi4j.adapters.local;

import static io.csi4j.adapters.local.LocalFixture.EXT4;
import static io.csi4j.adapters.local.LocalFixture.MIB;
import static io.csi4j.adapters.local.LocalFixture.MOUNT;
import static io.csi4j.adapters.local.LocalFixture.failed;
import static io.csi4j.adapters.local.LocalFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.SizePolicy;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local backend adds to the port contract: its configuration, layout, shapes, sizes and ids. */
class LocalBackendTest {

    @TempDir
    Path tmp;

    private LocalFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new LocalFixture(tmp);
    }

    private static LocalBackendConfig config(Path root) {
        return LocalBackendConfig.withDefaults(new BackendName("local"), root, "node-1");
    }

    // configuration and probe

    @Test
    void aRootThatIsMissingOrNotADirectoryIsAConfigurationErrorNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        assertThat(failed(LocalBackend.open(config(tmp.resolve("missing")))).message())
                .contains(tmp.resolve("missing").toString()).contains("does not exist");
        assertThat(failed(LocalBackend.open(config(file))).message()).contains("is not a directory");
    }

    @Test
    void badSettingsAreConfigurationErrorsNamingTheSetting() {
        LocalBackendConfig c = config(tmp);
        BackendName n = c.name();

        assertThat(failed(LocalBackend.open(new LocalBackendConfig(n, tmp, "bad node!", c.topologyKey(), MIB, 2 * MIB,
                "ext4"))).message()).contains("node id");
        assertThat(failed(LocalBackend.open(new LocalBackendConfig(n, tmp, "n", c.topologyKey(), 4 * MIB, 2 * MIB,
                "ext4"))).message()).contains("default volume size");
        assertThat(failed(LocalBackend.open(new LocalBackendConfig(n, tmp, "n", c.topologyKey(), MIB, 2 * MIB,
                "btrfs"))).message()).contains("default filesystem type");
        assertThat(failed(LocalBackend.open(new LocalBackendConfig(n, tmp, "n", c.topologyKey(), 1, 1, "ext4")))
                .message()).contains("maximum volume size");
    }

    @Test
    void openCreatesTheLayoutClosedToOtherUsersAndProbeIsReady() throws Exception {
        assertThat(Files.getPosixFilePermissions(fx.root.resolve("volumes")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(fx.backend.probe()).isInstanceOf(Health.Ready.class);
    }

    @Test
    void probeIsBrokenWhenTheLayoutDisappears() throws Exception {
        Files.delete(fx.root.resolve("snapshots"));

        Health h = fx.backend.probe();

        assertThat(h).isInstanceOf(Health.Broken.class);
        assertThat(h.detail()).contains("snapshots");
    }

    @Test
    void featuresAdvertiseCloningTopologyAndVolumeCondition() {
        var f = fx.backend.features();

        assertThat(f.type()).isEqualTo("local");
        assertThat(f.cloning() && f.topology() && f.volumeCondition()).isTrue();
        assertThat(fx.backend.placements(Parameters.EMPTY)).containsExactly(Topology.of("topology.csi4j.io/node",
                "node-1"));
    }

    // shapes, data paths and ids

    @Test
    void aDirectoryVolumeIsAWorldWritableDirectoryReportedWithItsRequestedSize() throws Exception {
        Volume v = ok(fx.backend.create(fx.directory("pvc-dir")));

        Path data = fx.volumeSlot("pvc-dir").resolve("data");
        assertThat(v.dataPath()).isEqualTo(new DataPath.LocalDirectory(data.toString()));
        assertThat(data).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwxrwxrwx");
        assertThat(v.capacityBytes()).isEqualTo(64 * MIB);
        assertThat(v.attributes()).isEqualTo(Parameters.EMPTY);
        assertThat(v.accessibleTopology()).containsExactly(fx.config.topology());
    }

    @Test
    void anImageVolumeIsAPrivateSparseFileOfExactlyItsSizeNamingItsFilesystem() throws Exception {
        Volume v = ok(fx.backend.create(fx.spec("pvc-img", 512 * MIB, Map.of("fsType", "xfs"), MOUNT)));

        Path data = fx.volumeSlot("pvc-img").resolve("data");
        assertThat(v.dataPath()).isEqualTo(new DataPath.LocalImage(data.toString()));
        assertThat(Files.size(data)).isEqualTo(512 * MIB);
        assertThat(Allocation.allocatedBytes(data)).isLessThan(MIB);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rw-------");
        assertThat(v.attributes()).isEqualTo(new Parameters(Map.of("csi4j.io/fs-type", "xfs")));
    }

    @Test
    void theRecordedParametersAreExactlyTheRequestOnesIncludingKubernetesKeys() {
        Map<String, String> params = Map.of("kind", "directory", "csi.storage.k8s.io/pvc/namespace", "default");

        Volume v = ok(fx.backend.create(fx.spec("pvc-params", 64 * MIB, params, MOUNT)));

        assertThat(v.parameters()).isEqualTo(new Parameters(params));
        assertThat(ok(fx.backend.get(v.id())).parameters()).isEqualTo(new Parameters(params));
    }

    @Test
    void idsOfTheLongestBackendNameStayWithin128Bytes() throws Exception {
        LocalFixture longName = new LocalFixture(LocalBackendConfig.withDefaults(new BackendName("b".repeat(32)),
                Files.createTempDirectory(tmp, "long"), "node-1"));

        Volume v = ok(longName.backend.create(longName.directory("x".repeat(128))));
        var s = ok(longName.backend.snapshots().orElseThrow().create(new SnapshotName("y".repeat(128)), v.id(),
                Parameters.EMPTY, Secrets.NONE));

        assertThat(v.id().value().length()).isLessThanOrEqualTo(128);
        assertThat(s.id().value().length()).isLessThanOrEqualTo(128);
    }

    @Test
    void anExistingVolumeServesOnlyCapabilitiesOfItsShape() {
        Volume dir = ok(fx.backend.create(fx.directory("pvc-dir")));
        Volume img = ok(fx.backend.create(fx.image("pvc-img")));
        VolumeCapability block = VolumeCapability.block(AccessMode.MULTI_NODE_MULTI_WRITER);

        assertThat(fx.backend.supports(dir, MOUNT).isRight()).isTrue();
        assertThat(failed(fx.backend.supports(dir, block))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(fx.backend.supports(img, block).isRight()).isTrue();
        assertThat(fx.backend.supports(img, EXT4).isRight()).isTrue();
        assertThat(failed(fx.backend.supports(img, VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER))))
                .isInstanceOf(Failure.InvalidArgument.class);
    }

    // sizes and capacity

    @Test
    void sizePolicyUsesMebibytesTheConfiguredBoundsAndTheXfsMinimum() {
        SizePolicy plain = fx.backend.sizePolicy(Parameters.EMPTY);
        SizePolicy xfs = fx.backend.sizePolicy(new Parameters(Map.of("fsType", "xfs")));
        SizePolicy dir = fx.backend.sizePolicy(new Parameters(Map.of("kind", "directory")));

        assertThat(plain).isEqualTo(new SizePolicy(1L << 30, MIB, MIB, fx.config.maximumVolumeBytes()));
        assertThat(xfs.minimumBytes()).isEqualTo(300 * MIB);
        assertThat(dir.minimumBytes()).isEqualTo(MIB);
    }

    @Test
    void anXfsImageBelowWhatMkfsXfsAcceptsIsOutOfRangeEvenWhenTheCapabilityChoseXfs() {
        VolumeCapability xfs = VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER);

        Failure f = failed(fx.backend.create(fx.spec("pvc-small-xfs", 64 * MIB, Map.of(), xfs)));

        assertThat(f).isInstanceOf(Failure.OutOfRange.class);
        assertThat(f.message()).contains(String.valueOf(300 * MIB));
    }

    @Test
    void aVolumeLargerThanTheFreeSpaceIsCapacityExhaustedAndLeavesNothing() throws Exception {
        // Far beyond the free space, so that other writers to the same disk cannot make it fit meanwhile.
        long tooBig = (Files.getFileStore(fx.root).getUsableSpace() / MIB + 64 * 1024) * MIB;
        org.junit.jupiter.api.Assumptions.assumeTrue(tooBig <= fx.config.maximumVolumeBytes(), "disk too large");

        Failure f = failed(fx.backend.create(fx.spec("pvc-huge", tooBig, Map.of("kind", "image"), MOUNT)));

        assertThat(f).isInstanceOf(Failure.CapacityExhausted.class);
        assertThat(fx.tree()).containsExactly("snapshots", "volumes");
    }

    @Test
    void capacityIsTheFreeSpaceAndTheLargestVolumeIsBoundedByItInWholeMebibytes() throws Exception {
        CapacityReport r = ok(fx.backend.capacity(Parameters.EMPTY, Optional.of(fx.config.topology())));
        long usable = Files.getFileStore(fx.root).getUsableSpace();

        // Other processes write to the same disk meanwhile; allow them some slack.
        assertThat(r.availableBytes()).isCloseTo(usable, org.assertj.core.data.Offset.offset(2048 * MIB));
        assertThat(r.maximumVolumeBytes().getAsLong() % MIB).isZero();
        assertThat(r.maximumVolumeBytes().getAsLong()).isLessThanOrEqualTo(
                Math.min(r.availableBytes(), fx.config.maximumVolumeBytes()));
        assertThat(r.minimumVolumeBytes()).hasValue(MIB);
    }

    @Test
    void capacityElsewhereIsZero() {
        CapacityReport r = ok(fx.backend.capacity(Parameters.EMPTY, Optional.of(Topology.of("topology.csi4j.io/node",
                "node-2"))));

        assertThat(r.availableBytes()).isZero();
    }

    @Test
    void aPlacementOtherThanThisNodeIsRefused() {
        var spec = fx.directory("pvc-elsewhere");
        var elsewhere = new io.csi4j.ports.out.VolumeSpec(spec.name(), spec.sizeBytes(), spec.capabilities(),
                spec.parameters(), spec.source(), Optional.of(Topology.of("topology.csi4j.io/node", "node-2")),
                Secrets.NONE);

        assertThat(failed(fx.backend.create(elsewhere))).isInstanceOf(Failure.CapacityExhausted.class);
    }

    // expansion

    @Test
    void growingAnImageExtendsTheSparseFileAndNeedsTheNode() throws Exception {
        Volume v = ok(fx.backend.create(fx.image("pvc-img")));

        Expansion e = ok(fx.backend.expansion().orElseThrow().expand(v.id(), 100 * MIB + 1, true, Secrets.NONE));

        assertThat(e).isEqualTo(new Expansion(101 * MIB, true));
        assertThat(Files.size(fx.volumeSlot("pvc-img").resolve("data"))).isEqualTo(101 * MIB);
    }

    @Test
    void growingADirectoryOnlyRecordsTheSize() {
        Volume v = ok(fx.backend.create(fx.directory("pvc-dir")));

        Expansion e = ok(fx.backend.expansion().orElseThrow().expand(v.id(), 128 * MIB, false, Secrets.NONE));

        assertThat(e).isEqualTo(new Expansion(128 * MIB, false));
    }

    @Test
    void growingBeyondTheMaximumIsOutOfRange() {
        Volume v = ok(fx.backend.create(fx.directory("pvc-dir")));

        Failure f = failed(fx.backend.expansion().orElseThrow().expand(v.id(), fx.config.maximumVolumeBytes() + 1,
                false, Secrets.NONE));

        assertThat(f).isInstanceOf(Failure.OutOfRange.class);
    }

    // copies

    @Test
    void aCopyMustBeAtLeastAsLargeAsItsSourceAndOfACompatibleShape() throws Exception {
        Volume img = ok(fx.backend.create(fx.image("pvc-img")));
        var snap = ok(fx.backend.snapshots().orElseThrow().create(new SnapshotName("snap"), img.id(),
                Parameters.EMPTY, Secrets.NONE));

        Failure smaller = failed(fx.backend.create(fx.copyOf(fx.spec("small", 32 * MIB, Map.of("kind", "image"), EXT4),
                new ContentSource.FromSnapshot(snap.id()))));
        Failure asDirectory = failed(fx.backend.create(fx.copyOf(fx.spec("dir", 64 * MIB, Map.of("kind", "directory"),
                MOUNT), new ContentSource.FromSnapshot(snap.id()))));
        Volume adopted = ok(fx.backend.create(fx.copyOf(fx.directory("adopt"), new ContentSource.FromVolume(img.id()))));

        assertThat(smaller).isInstanceOf(Failure.OutOfRange.class);
        assertThat(asDirectory).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(adopted.dataPath()).isInstanceOf(DataPath.LocalImage.class);
        assertThat(adopted.attributes().get("csi4j.io/fs-type")).contains("ext4");
    }

    @Test
    void aCloneOfAVolumeWhoseDataVanishedIsAFailedPrecondition() throws Exception {
        Volume v = ok(fx.backend.create(fx.directory("pvc-gone")));
        Files.delete(fx.volumeSlot("pvc-gone").resolve("data"));

        Failure f = failed(fx.backend.create(fx.copyOf(fx.directory("clone"), new ContentSource.FromVolume(v.id()))));

        assertThat(f).isInstanceOf(Failure.FailedPrecondition.class);
    }

    @Test
    void aDirectoryCloneCopiesTheWholeTree() throws Exception {
        Volume v = ok(fx.backend.create(fx.directory("pvc-tree")));
        Path data = Path.of(((DataPath.LocalDirectory) v.dataPath()).path());
        Files.writeString(Files.createDirectories(data.resolve("a/b/c")).resolve("deep"), "deep content");
        Files.createSymbolicLink(data.resolve("link"), Path.of("a/b/c/deep"));

        Volume clone = ok(fx.backend.create(fx.copyOf(fx.directory("clone"), new ContentSource.FromVolume(v.id()))));

        Path copy = Path.of(((DataPath.LocalDirectory) clone.dataPath()).path());
        assertThat(copy.resolve("a/b/c/deep")).hasContent("deep content");
        assertThat(Files.readSymbolicLink(copy.resolve("link"))).isEqualTo(Path.of("a/b/c/deep"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rwxrwxrwx");
    }

    @Test
    void snapshotParametersAreRejected() {
        Failure f = failed(fx.backend.snapshots().orElseThrow().validate(new Parameters(Map.of("retain", "yes"))));

        assertThat(f.message()).contains("'retain'");
        assertThat(fx.backend.snapshots().orElseThrow().validate(new Parameters(Map.of(
                "csi.storage.k8s.io/volumesnapshot/name", "s"))).isRight()).isTrue();
    }
}
