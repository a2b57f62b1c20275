package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopSysfsTest {

    @TempDir
    Path sys;

    private LoopSysfs sysfs;

    @BeforeEach
    void sysfs() {
        sysfs = new LoopSysfs(sys, Path.of("/dev"));
    }

    @Test
    void listsAttachedLoopDevicesByNumberWithTheirFullBackingPaths() throws IOException {
        String longPath = "/var/lib/kubelet/plugins/kubernetes.io/csi/csi4j/" + "x".repeat(80) + "/disk.img";
        backing("loop10", "/a/ten.img\n");
        backing("loop2", longPath + "\n");
        Files.createDirectories(sys.resolve("loop3"));
        Files.createDirectories(sys.resolve("sda"));

        assertThat(sysfs.attached().get()).containsExactly(
                new LoopSysfs.Attached(2, Path.of("/dev/loop2"), Path.of(longPath), false),
                new LoopSysfs.Attached(10, Path.of("/dev/loop10"), Path.of("/a/ten.img"), false));
    }

    @Test
    void aDeletedBackingFileIsMarkedAndItsSuffixDropped() throws IOException {
        backing("loop0", "/images/gone.img (deleted)\n");

        assertThat(sysfs.attached().get()).containsExactly(
                new LoopSysfs.Attached(0, Path.of("/dev/loop0"), Path.of("/images/gone.img"), true));
    }

    @Test
    void knowsWhichDevicesAreAttachedAndWhichPathsAreLoopDevices() throws IOException {
        backing("loop4", "/a.img\n");
        Files.createDirectories(sys.resolve("loop5"));

        assertThat(sysfs.isAttached(4)).isTrue();
        assertThat(sysfs.isAttached(5)).isFalse();
        assertThat(sysfs.number(Path.of("/dev/loop12"))).contains(12);
        assertThat(sysfs.number(Path.of("/dev/loop-control"))).isEmpty();
        assertThat(sysfs.number(Path.of("/tmp/loop1"))).isEmpty();
        assertThat(sysfs.number(Path.of("/dev/sda"))).isEmpty();
    }

    private void backing(String device, String content) throws IOException {
        Path dir = Files.createDirectories(sys.resolve(device).resolve("loop"));
        Files.writeString(dir.resolve("backing_file"), content);
    }
}
