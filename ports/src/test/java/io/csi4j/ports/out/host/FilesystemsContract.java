package io.csi4j.ports.out.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.Mounter.Unmount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link Filesystems} and {@link FilesystemStats} on loop devices: probe, format only a blank
 * device, check, mount, grow online, and statfs figures that follow.
 */
public abstract class FilesystemsContract extends HostContractSupport {

    private static final long MIB = 1024 * 1024;
    /** xfs needs 300 MiB at least. */
    private static final long SIZE = 320 * MIB;

    @Test
    void aDevicesNumberIsWhatTheMountTableShowsForAFilesystemMountedFromIt() {
        Path device = attached("numbered.img", SIZE);
        ok(host.filesystems().format(device, "ext4"));
        Path target = directory("mnt");
        ok(host.mounter().mount(device.toString(), target, "ext4", List.of()));

        assertThat(ok(host.blockDevices().number(device))).matches("\\d+:\\d+")
                .isEqualTo(ok(host.mountTable().at(target)).orElseThrow().device());
        assertThat(failed(host.blockDevices().number(target))).isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void everyHostSupportsExt4() {
        assertThat(host.filesystems().supported()).contains("ext4");
    }

    @Test
    void aFreshImageIsBlank() {
        assertThat(ok(host.filesystems().probe(attached("blank.img", SIZE)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs"})
    void formatMakesTheFilesystemThatProbeThenReports(String fsType) {
        assumeTrue(host.filesystems().supported().contains(fsType), fsType + " tools are not installed");
        Path device = attached("disk.img", SIZE);

        assertThat(ok(host.filesystems().format(device, fsType))).isEqualTo(Done.DONE);

        assertThat(ok(host.filesystems().probe(device))).contains(fsType);
        assertThat(ok(host.filesystems().check(device, fsType))).isEqualTo(Done.DONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs"})
    void formatRefusesADeviceThatHoldsAFilesystem(String fsType) {
        assumeTrue(host.filesystems().supported().contains(fsType), fsType + " tools are not installed");
        Path device = attached("disk.img", SIZE);
        ok(host.filesystems().format(device, "ext4"));

        assertThat(failed(host.filesystems().format(device, fsType))).isInstanceOf(Failure.FailedPrecondition.class)
                .extracting(Failure::message).asString().contains("ext4");

        assertThat(ok(host.filesystems().probe(device))).contains("ext4");
    }

    @Test
    void aPartitionTableIsNeverBlankAndIsNotFormatted() {
        Path image = image("partitioned.img", SIZE);
        fixture.writePartitionTable(image);
        Path device = ok(host.loopDevices().attach(image));

        assertThat(ok(host.filesystems().probe(device))).contains("dos");
        assertThat(failed(host.filesystems().format(device, "ext4"))).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(ok(host.filesystems().probe(device))).contains("dos");
    }

    @Test
    void anUnsupportedTypeIsInvalid() {
        Path device = attached("disk.img", SIZE);

        assertThat(failed(host.filesystems().format(device, "no-such-fs"))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(ok(host.filesystems().probe(device))).isEmpty();
    }

    @Test
    void checkingABlankDeviceAsExt4Fails() {
        assertThat(failed(host.filesystems().check(attached("blank.img", SIZE), "ext4")))
                .isInstanceOf(Failure.FailedPrecondition.class);
    }

    @Test
    void aRegularFileIsNeitherProbedNorFormatted() {
        Path image = image("plain.img", SIZE);

        assertThat(failed(host.filesystems().probe(image))).isInstanceOf(Failure.NotFound.class);
        assertThat(failed(host.filesystems().format(image, "ext4"))).isInstanceOf(Failure.NotFound.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs"})
    void aMountedFilesystemGrowsOnlineAndStatfsShowsTheNewSize(String fsType) {
        assumeTrue(host.filesystems().supported().contains(fsType), fsType + " tools are not installed");
        fixture.cannotGrowOnline(fsType).ifPresent(reason -> assumeTrue(false, reason));
        Path image = image("disk.img", SIZE);
        Path device = ok(host.loopDevices().attach(image));
        ok(host.filesystems().format(device, fsType));
        Path mountPoint = directory("mnt");
        ok(host.mounter().mount(device.toString(), mountPoint, fsType, List.of()));
        Usage before = ok(host.stats().usage(mountPoint));

        fixture.resizeImage(image, 2 * SIZE);
        ok(host.loopDevices().refreshCapacity(device));
        ok(host.filesystems().grow(device, mountPoint, fsType));
        ok(host.filesystems().grow(device, mountPoint, fsType));

        Usage after = ok(host.stats().usage(mountPoint));
        assertThat(after.totalBytes()).isGreaterThan(before.totalBytes() + SIZE * 8 / 10)
                .isLessThanOrEqualTo(2 * SIZE);
        assertThat(ok(host.mounter().unmount(mountPoint, Unmount.NORMAL))).isEqualTo(Done.DONE);
    }

    @Test
    void growNeedsTheFilesystemMounted() {
        Path device = attached("disk.img", SIZE);
        ok(host.filesystems().format(device, "ext4"));

        assertThat(failed(host.filesystems().grow(device, directory("mnt"), "ext4")))
                .isInstanceOf(Failure.FailedPrecondition.class);
    }

    @Test
    void statfsReportsSpaceAndInodesAndSeesWrittenData() {
        Path device = attached("disk.img", SIZE);
        ok(host.filesystems().format(device, "ext4"));
        Path mountPoint = directory("mnt");
        ok(host.mounter().mount(device.toString(), mountPoint, "ext4", List.of()));
        Usage empty = ok(host.stats().usage(mountPoint));

        fixture.writeFile(mountPoint.resolve("data"), 8 * (int) MIB);

        Usage written = ok(host.stats().usage(mountPoint));
        assertThat(empty.totalBytes()).isPositive().isLessThanOrEqualTo(SIZE);
        assertThat(empty.usedBytes()).isNotNegative().isLessThan(empty.totalBytes());
        assertThat(empty.availableBytes()).isPositive().isLessThanOrEqualTo(empty.totalBytes() - empty.usedBytes());
        assertThat(empty.totalInodes()).isPositive();
        assertThat(empty.usedInodes() + empty.freeInodes()).isEqualTo(empty.totalInodes());
        assertThat(written.usedBytes()).isGreaterThanOrEqualTo(empty.usedBytes() + 8 * MIB);
        assertThat(written.usedInodes()).isEqualTo(empty.usedInodes() + 1);
    }

    @Test
    void statfsOfAMissingPathIsNotFoundAndOutsideTheRootsIsInvalid() {
        assertThat(failed(host.stats().usage(fixture.root().resolve("absent")))).isInstanceOf(Failure.NotFound.class);
        assertThat(failed(host.stats().usage(fixture.outside()))).isInstanceOf(Failure.InvalidArgument.class);
    }

    private Path attached(String name, long bytes) {
        return ok(host.loopDevices().attach(image(name, bytes)));
    }
}
