package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * File-backed volumes (images on an NFS share, as Hammerspace keeps them): the share is mounted once for the node,
 * each image attached to a loop device, and the last unstage releases the share.
 */
class ImageOnNfsIT extends Scenario {

    private static final String SHARES = "/var/lib/kubelet/plugins/csi4j.io/shares/";

    ImageOnNfsIT(TestNode node) {
        super(node);
    }

    private Requests image(String id, String file, long bytes, io.csi4j.csi.v1.VolumeCapability capability)
            throws IOException {
        Path backing = node.servers.nfsExport().resolve("backing");
        Path image = backing.resolve(file);
        Files.createDirectories(image.getParent());
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return Requests.of(id, capability, new DataPath.ImageOnNfs(Servers.ADDRESS, backing.toString(), List.of(), file));
    }

    @Test
    void twoImagesShareOneMountOfTheirShareWhichTheLastUnstageReleases() throws IOException {
        var mounted = image("e2e:img-ext4", "vols/a.img", 128 * Targets.MIB, Requests.mount("ext4", SINGLE_NODE_WRITER));
        var block = image("e2e:img-block", "vols/b.img", 32 * Targets.MIB, Requests.block(SINGLE_NODE_WRITER));

        stage(mounted);
        stage(mounted);
        stage(block);
        publish(mounted, "pod", false);

        assertThat(guest.under(SHARES)).singleElement().satisfies(m -> {
            assertThat(m.fsType()).startsWith("nfs");
            assertThat(m.source()).endsWith("/nfsexport/backing");
        });
        assertThat(guest.loops()).hasSize(2).allSatisfy(l -> assertThat(l).contains(SHARES));
        Guest.Mount staged = guest.at(mounted.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("ext4");
        assertThat(staged.source()).startsWith("/dev/loop");
        String sum = guest.writeAndReadBack(mounted.target("pod") + "/data.bin", 8);

        unpublish(mounted, "pod");
        unstage(mounted);
        assertThat(guest.under(SHARES)).as("the block volume still uses the share").hasSize(1);
        unstage(block);
        assertThat(guest.under(SHARES)).isEmpty();
        assertThat(guest.loops()).isEmpty();
        assertThat(guest.run("ls -A " + SHARES).output().strip()).as("mount points removed").isEmpty();
        assertNothingLeft(mounted);
        assertNothingLeft(block);

        stage(mounted);
        publish(mounted, "pod", false);
        assertThat(guest.readBack(mounted.target("pod") + "/data.bin")).as("data kept on the share").isEqualTo(sum);
        unpublish(mounted, "pod");
        unstage(mounted);
        assertThat(guest.under(SHARES)).isEmpty();
    }
}
