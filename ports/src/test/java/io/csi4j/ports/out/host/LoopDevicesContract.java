package io.csi4j.ports.out.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link LoopDevices}, with {@link BlockDevices} telling the device's size. */
public abstract class LoopDevicesContract extends HostContractSupport {

    private static final long MIB = 1024 * 1024;

    @Test
    void attachGivesABlockDeviceOfTheImageSizeThatListAndFindReport() {
        Path image = image("disk.img", 32 * MIB);

        Path device = ok(host.loopDevices().attach(image));

        assertThat(host.blockDevices().isBlockDevice(device)).isTrue();
        assertThat(ok(host.blockDevices().size(device))).isEqualTo(32 * MIB);
        assertThat(ok(host.loopDevices().find(image))).contains(device);
        assertThat(ok(host.loopDevices().list())).contains(new LoopDevice(device, image));
    }

    @Test
    void attachIsIdempotent() {
        Path image = image("disk.img", 8 * MIB);

        Path first = ok(host.loopDevices().attach(image));
        Path second = ok(host.loopDevices().attach(image));

        assertThat(second).isEqualTo(first);
        assertThat(devicesBackedBy(image)).hasSize(1);
    }

    @Test
    void aReadOnlyAttachIsIdempotentAndRefusesTheOtherMode() {
        Path image = image("disk.img", 8 * MIB);

        Path device = ok(host.loopDevices().attach(image, true));

        assertThat(ok(host.loopDevices().attach(image, true))).isEqualTo(device);
        assertThat(failed(host.loopDevices().attach(image, false))).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(failed(host.loopDevices().attach(image))).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(devicesBackedBy(image)).containsExactly(device);
    }

    @Test
    void concurrentAttachesOfOneFileEndWithOneDevice() throws Exception {
        Path image = image("disk.img", 8 * MIB);
        Callable<Path> attach = () -> ok(host.loopDevices().attach(image));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = pool.invokeAll(List.of(attach, attach, attach, attach));

            Path device = results.getFirst().get();
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(device);
            }
            assertThat(devicesBackedBy(image)).containsExactly(device);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDeviceKeepsItsSizeUntilItsCapacityIsRefreshed() {
        Path image = image("disk.img", 16 * MIB);
        Path device = ok(host.loopDevices().attach(image));

        fixture.resizeImage(image, 48 * MIB);
        assertThat(ok(host.blockDevices().size(device))).isEqualTo(16 * MIB);

        ok(host.loopDevices().refreshCapacity(device));
        assertThat(ok(host.blockDevices().size(device))).isEqualTo(48 * MIB);
    }

    @Test
    void detachRemovesTheDeviceAndIsDoneWhenAlreadyDetached() {
        Path image = image("disk.img", 8 * MIB);
        Path device = ok(host.loopDevices().attach(image));

        assertThat(ok(host.loopDevices().detach(device))).isEqualTo(Done.DONE);

        assertThat(ok(host.loopDevices().find(image))).isEmpty();
        assertThat(devicesBackedBy(image)).isEmpty();
        assertThat(ok(host.loopDevices().detach(device))).isEqualTo(Done.DONE);
    }

    @Test
    void refreshingAnUnattachedDeviceIsNotFound() {
        Path image = image("disk.img", 8 * MIB);
        Path device = ok(host.loopDevices().attach(image));
        ok(host.loopDevices().detach(device));

        assertThat(failed(host.loopDevices().refreshCapacity(device))).isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void findOfAnUnattachedImageIsEmpty() {
        assertThat(ok(host.loopDevices().find(image("disk.img", 8 * MIB)))).isEmpty();
    }

    @Test
    void attachingAMissingFileIsNotFound() {
        assertThat(failed(host.loopDevices().attach(fixture.root().resolve("absent.img"))))
                .isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void attachingADirectoryIsInvalid() {
        assertThat(failed(host.loopDevices().attach(directory("dir")))).isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void imagesOutsideTheRootsAreRejectedAndNotAttached() {
        Path outside = fixture.outside().resolve("disk.img");
        fixture.createImage(outside, 8 * MIB);

        assertThat(failed(host.loopDevices().attach(outside))).isInstanceOf(Failure.InvalidArgument.class);

        assertThat(devicesBackedBy(outside)).isEmpty();
    }

    @Test
    void pathsThatAreNotLoopDevicesAreInvalidForRefreshAndDetach() {
        Path notLoop = fixture.root().resolve("loop0");

        assertThat(failed(host.loopDevices().detach(notLoop))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.loopDevices().refreshCapacity(notLoop))).isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void aLoopDeviceBindsOntoAFileTargetForBlockAccess() {
        Path device = ok(host.loopDevices().attach(image("disk.img", 8 * MIB)));
        Path target = fixture.root().resolve("publish/block");
        ok(host.paths().ensureFile(target));

        ok(host.mounter().bind(device, target, false));

        assertThat(host.blockDevices().isBlockDevice(target)).isTrue();
        assertThat(ok(host.paths().kind(target))).isEqualTo(HostPaths.Kind.BLOCK_DEVICE);
        assertThat(ok(host.paths().ensureFile(target))).isEqualTo(Done.DONE);
        ok(host.mounter().unmount(target, Mounter.Unmount.NORMAL));
        assertThat(ok(host.paths().kind(target))).isEqualTo(HostPaths.Kind.FILE);
    }

    @Test
    void aRegularFileIsNotABlockDevice() {
        Path image = image("disk.img", 8 * MIB);

        assertThat(host.blockDevices().isBlockDevice(image)).isFalse();
        assertThat(failed(host.blockDevices().size(image))).isInstanceOf(Failure.NotFound.class);
        assertThat(failed(host.blockDevices().size(fixture.root().resolve("absent"))))
                .isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void aReadOnlyViewShowsTheDevicesDataAndRefusesWritesEvenThroughAReadOnlyBind() throws Exception {
        Path image = image("disk.img", 8 * MIB);
        Path device = ok(host.loopDevices().attach(image));
        fixture.writeStart(device, WRITTEN);

        Path view = ok(host.loopDevices().attachReadOnlyView(device));

        assertThat(view).isNotEqualTo(device);
        assertThat(host.blockDevices().isBlockDevice(view)).isTrue();
        assertThat(ok(host.blockDevices().size(view))).isEqualTo(8 * MIB);
        assertThat(fixture.readStart(view, WRITTEN.length)).isEqualTo(WRITTEN);
        assertThat(ok(host.loopDevices().views(device))).containsExactly(view);
        assertThat(ok(host.loopDevices().list())).contains(new LoopDevice(view, device));
        assertThatThrownBy(() -> fixture.writeStart(view, OTHER)).isInstanceOf(IOException.class);
        Path target = fixture.root().resolve("publish/block");
        ok(host.paths().ensureFile(target));
        ok(host.mounter().bind(view, target, true));
        assertThatThrownBy(() -> fixture.writeStart(target, OTHER)).isInstanceOf(IOException.class);
        ok(host.mounter().unmount(target, Mounter.Unmount.NORMAL));
        assertThat(fixture.readStart(image, WRITTEN.length)).isEqualTo(WRITTEN);
    }

    @Test
    void aViewIsSharedAndAttachingAndDetachingItAreIdempotent() {
        Path device = ok(host.loopDevices().attach(image("disk.img", 8 * MIB)));

        Path view = ok(host.loopDevices().attachReadOnlyView(device));

        assertThat(ok(host.loopDevices().attachReadOnlyView(device))).isEqualTo(view);
        assertThat(ok(host.loopDevices().views(device))).containsExactly(view);
        assertThat(ok(host.loopDevices().detach(view))).isEqualTo(Done.DONE);
        assertThat(ok(host.loopDevices().views(device))).isEmpty();
        assertThat(ok(host.loopDevices().detach(view))).isEqualTo(Done.DONE);
        assertThat(ok(host.blockDevices().size(device))).isEqualTo(8 * MIB);
    }

    @Test
    void aDeviceThatRefusesWritesIsItsOwnView() {
        Path device = ok(host.loopDevices().attach(image("disk.img", 8 * MIB), true));

        assertThat(ok(host.loopDevices().attachReadOnlyView(device))).isEqualTo(device);
        assertThat(ok(host.loopDevices().views(device))).isEmpty();
    }

    @Test
    void aViewKeepsItsSizeUntilItsCapacityIsRefreshedAfterTheDeviceGrew() {
        Path image = image("disk.img", 16 * MIB);
        Path device = ok(host.loopDevices().attach(image));
        Path view = ok(host.loopDevices().attachReadOnlyView(device));
        fixture.resizeImage(image, 48 * MIB);

        ok(host.loopDevices().refreshCapacity(device));
        assertThat(ok(host.blockDevices().size(view))).isEqualTo(16 * MIB);

        ok(host.loopDevices().refreshCapacity(view));
        assertThat(ok(host.blockDevices().size(view))).isEqualTo(48 * MIB);
    }

    @Test
    void onlyBlockDevicesUnderDevHaveViews() {
        Path image = image("disk.img", 8 * MIB);

        assertThat(ok(host.loopDevices().views(image))).isEmpty();
        assertThat(ok(host.loopDevices().views(Path.of("/dev/csi4j-absent-device")))).isEmpty();
        assertThat(failed(host.loopDevices().attachReadOnlyView(image))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.loopDevices().attachReadOnlyView(Path.of("/dev/csi4j-absent-device"))))
                .isInstanceOf(Failure.NotFound.class);
    }

    private static final byte[] WRITTEN = "written through the device".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER = "written through the view!!".getBytes(StandardCharsets.US_ASCII);

    private List<Path> devicesBackedBy(Path image) {
        return ok(host.loopDevices().list()).stream().filter(l -> l.backingFile().equals(image))
                .map(LoopDevice::device).toList();
    }
}
