package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.HostFixture;
import io.csi4j.ports.out.host.HostContractSupport;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.Mounter.Unmount;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real-host behaviour that only the Linux adapter has to show: raw mountinfo escapes, flags, redaction. */
class LinuxHostRootTest extends HostContractSupport {

    private static final long MIB = 1024 * 1024;

    @BeforeAll
    static void requireRoot() {
        RealHostFixture.assumeRoot();
    }

    @Override
    protected HostFixture openFixture() throws Exception {
        return RealHostFixture.open();
    }

    @Test
    void theKernelEscapesHostileNamesInMountinfoAndTheTableDecodesThem() {
        Path staging = directory("staging");
        ok(host.mounter().mount("csi4j-test", staging, "tmpfs", List.of("size=1m")));
        List<String> names = List.of("with space", "new\nline", "back\\slash", "tab\there");
        for (String name : names) {
            ok(host.mounter().bind(staging, directory(name), false));
        }

        List<String> raw = RawHost.mountinfoLines();
        for (String escaped : List.of("with\\040space", "new\\012line", "back\\134slash", "tab\\011here")) {
            assertThat(raw).as("raw mountinfo").anyMatch(line -> line.contains(fixture.root() + "/" + escaped + " "));
        }
        List<Path> targets = ok(host.mountTable().mounts()).stream().map(MountPoint::target).toList();
        for (String name : names) {
            assertThat(targets).contains(fixture.root().resolve(name));
        }
    }

    @Test
    void theTableReadsConsistentlyWhileOtherCallersMountAndUnmount() throws Exception {
        Path source = directory("churn-source");
        ok(host.mounter().mount("csi4j-test", source, "tmpfs", List.of("size=1m")));
        // Mounts that stay while others come and go, with kubelet-long paths: together more than the one page of
        // mountinfo that procfs hands out per read, so a reader that stops early misses the last of them.
        List<Path> stable = new java.util.ArrayList<>(List.of(source));
        for (int i = 0; i < 40; i++) {
            Path t = directory("stable-" + i + "-" + "pods-0123456789abcdef-volumes-kubernetes.io~csi-pvc-0123456789");
            ok(host.mounter().bind(source, t, false));
            stable.add(t);
        }
        for (int i = 0; i < 40; i++) {
            directory("churn-" + i);
        }
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread churn = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i = (i + 1) % 40) {
                Path t = fixture.root().resolve("churn-" + i);
                host.mounter().bind(source, t, false);
                host.mounter().unmount(t, Unmount.NORMAL);
            }
        });
        try {
            for (int i = 0; i < 200; i++) {
                assertThat(ok(host.mountTable().mounts())).as("read " + i).extracting(MountPoint::target)
                        .containsAll(stable);
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    @Test
    void underASymlinkedRootTheTableFindsMountsByTheConfiguredPath() throws Exception {
        Path link = fixture.outside().resolve("kubelet");
        fixture.symlink(link, fixture.root());
        LinuxHost viaLink = LinuxHost.create(HostConfig.withRoots(List.of(link))).get();
        Path target = link.resolve("staging");
        ok(viaLink.paths().ensureDirectory(target));

        ok(viaLink.mounter().mount("csi4j-test", target, "tmpfs", List.of("size=1m")));

        assertThat(ok(viaLink.mountTable().at(target))).map(MountPoint::target)
                .contains(fixture.root().resolve("staging"));
        ok(viaLink.mounter().unmount(target, Unmount.NORMAL));
        assertThat(ok(viaLink.mountTable().at(target))).isEmpty();
    }

    @Test
    void aReadOnlyBindKeepsTheSourceMountsOtherFlags() {
        Path staging = directory("staging");
        ok(host.mounter().mount("csi4j-test", staging, "tmpfs", List.of("size=1m", "nosuid", "nodev", "noexec")));
        Path target = directory("target");

        ok(host.mounter().bind(staging, target, true));

        assertThat(ok(host.mountTable().at(target)).orElseThrow().options())
                .contains("ro", "nosuid", "nodev", "noexec");
    }

    @Test
    void aFailedMountNeverShowsItsOptionsInTheMessage() {
        Path target = directory("target");

        Failure failure = failed(host.mounter().mount("csi4j-test", target, "tmpfs",
                List.of("password=hunter2-secret", "username=alice-user")));

        assertThat(failure.message()).doesNotContain("hunter2-secret", "alice-user").contains("***");
    }

    @Test
    void withoutCapSysResourceAnExt4OnlineGrowIsPermissionDenied() {
        assumeFalse(Capabilities.effective().contains(Capabilities.CAP_SYS_RESOURCE),
                "this process has CAP_SYS_RESOURCE; the contract test grows ext4 for real");
        Path image = image("disk.img", 320 * MIB);
        Path device = ok(host.loopDevices().attach(image));
        ok(host.filesystems().format(device, "ext4"));
        Path mountPoint = directory("mnt");
        ok(host.mounter().mount(device.toString(), mountPoint, "ext4", List.of()));
        fixture.resizeImage(image, 640 * MIB);
        ok(host.loopDevices().refreshCapacity(device));

        assertThat(failed(host.filesystems().grow(device, mountPoint, "ext4")))
                .isInstanceOf(Failure.PermissionDenied.class);
        ok(host.mounter().unmount(mountPoint, Unmount.NORMAL));
    }

    @Test
    void aReadOnlyLoopDeviceRefusesWritesWhichAReadOnlyBindOfADeviceNodeLetsThrough() throws Exception {
        Path image = image("disk.img", 8 * MIB);
        Path rw = ok(host.loopDevices().attach(image));
        Path bound = fixture.root().resolve("bound");
        Files.createFile(bound);
        ok(host.mounter().bind(rw, bound, true));
        try {
            writeFirstSector(bound);
            assertThat(readFirstSector(image)).as("the kernel lets writes through a read-only bind of a device node")
                    .isEqualTo(SECTOR);
        } finally {
            ok(host.mounter().unmount(bound, Unmount.NORMAL));
            ok(host.loopDevices().detach(rw));
        }
        Files.write(image, new byte[SECTOR.length], StandardOpenOption.WRITE);

        Path ro = ok(host.loopDevices().attach(image, true));

        assertThatThrownBy(() -> writeFirstSector(ro)).isInstanceOf(IOException.class);
        assertThat(readFirstSector(image)).isEqualTo(new byte[SECTOR.length]);
    }

    private static final byte[] SECTOR = "written through the device".getBytes(StandardCharsets.US_ASCII);

    private static void writeFirstSector(Path device) throws IOException {
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(SECTOR), 0);
            ch.force(true);
        }
    }

    private static byte[] readFirstSector(Path image) throws IOException {
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(SECTOR.length);
            ch.read(buffer, 0);
            return buffer.array();
        }
    }

    @Test
    void aDetachedLoopDeviceHasNoMediaSoItIsNeverTakenForBlank() {
        Path device = ok(host.loopDevices().attach(image("disk.img", 8 * MIB)));
        ok(host.loopDevices().detach(device));

        // blkid answers "nothing found" for an empty loop device; that must not read as a blank disk.
        assertThat(failed(host.filesystems().probe(device))).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(failed(host.filesystems().format(device, "ext4"))).isInstanceOf(Failure.FailedPrecondition.class);
    }
}
