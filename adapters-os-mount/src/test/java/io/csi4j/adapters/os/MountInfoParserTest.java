package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountInfoParserTest {

    @Test
    void parsesTheExampleLineOfProc5() {
        MountPoint mount = MountInfoParser.parseLine(
                "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue").get();

        assertThat(mount.id()).isEqualTo(36);
        assertThat(mount.parentId()).isEqualTo(35);
        assertThat(mount.device()).isEqualTo("98:0");
        assertThat(mount.root()).isEqualTo("/mnt1");
        assertThat(mount.target()).isEqualTo(Path.of("/mnt2"));
        assertThat(mount.options()).containsExactly("rw", "noatime");
        assertThat(mount.propagation()).containsExactly("master:1");
        assertThat(mount.fsType()).isEqualTo("ext3");
        assertThat(mount.source()).isEqualTo("/dev/root");
        assertThat(mount.superOptions()).containsExactly("rw", "errors=continue");
        assertThat(mount.isReadOnly()).isFalse();
    }

    @Test
    void readsAnyNumberOfOptionalFieldsIncludingNone() {
        assertThat(MountInfoParser.parseLine("22 27 0:21 / /proc rw,relatime - proc proc rw").get().propagation())
                .isEmpty();
        assertThat(MountInfoParser.parseLine("40 27 0:30 / /a rw shared:5 master:3 unbindable - tmpfs t rw")
                .get().propagation()).containsExactly("shared:5", "master:3", "unbindable");
    }

    @Test
    void decodesTheKernelsOctalEscapesInRootTargetAndSource() {
        MountPoint mount = MountInfoParser.parseLine("50 27 7:3 /sub\\040dir /var/lib/a\\040b/new\\012line/"
                + "back\\134slash/tab\\011x rw - ext4 /dev/disk\\040one rw").get();

        assertThat(mount.root()).isEqualTo("/sub dir");
        assertThat(mount.target()).isEqualTo(Path.of("/var/lib/a b/new\nline/back\\slash/tab\tx"));
        assertThat(mount.source()).isEqualTo("/dev/disk one");
    }

    @Test
    void splitsSuperOptionsBeforeDecodingSoAnEscapedCommaStaysInItsValue() {
        assertThat(MountInfoParser.parseLine("51 27 0:40 / /m rw - fuse.x src rw,subtype=a\\054b").get()
                .superOptions()).containsExactly("rw", "subtype=a,b");
    }

    @Test
    void leavesBackslashesThatAreNotEscapesAlone() {
        assertThat(MountInfoParser.unescape("a\\9b\\12")).isEqualTo("a\\9b\\12");
        assertThat(MountInfoParser.unescape("\\303\\251")).isEqualTo("é");
    }

    @Test
    void readOnlyIsPerMountOrPerSuperblock() {
        assertThat(MountInfoParser.parseLine("1 2 0:1 / /a ro - tmpfs t rw").get().isReadOnly()).isTrue();
        assertThat(MountInfoParser.parseLine("1 2 0:1 / /a rw - ext4 /dev/x ro").get().isReadOnly()).isTrue();
    }

    @Test
    void aLineOfTheWrongShapeIsADefectNamingTheLine() {
        Failure failure = MountInfoParser.parse("22 27 0:21 / /proc rw - proc proc rw\n22 27 0:21 / /x rw proc rw\n")
                .getLeft();

        assertThat(failure).isInstanceOf(Failure.Defect.class);
        assertThat(failure.message()).startsWith("mountinfo line 2");
        assertThat(MountInfoParser.parse("x 27 0:21 / /p rw - proc proc rw").getLeft())
                .isInstanceOf(Failure.Defect.class);
    }

    @Test
    void theTopmostOfStackedMountsFollowsTheParentChainNotTheTableOrder(@TempDir Path dir) throws IOException {
        Path mountinfo = dir.resolve("mountinfo");
        // 61 sits on 60 which sits on 59, but a move put 61 before 60 in the table.
        Files.writeString(mountinfo, String.join("\n",
                "59 27 0:50 / /k/t rw - tmpfs first rw",
                "61 60 0:52 / /k/t rw - tmpfs third rw",
                "60 59 0:51 / /k/t rw - tmpfs second rw",
                "62 27 0:53 / /k/other rw - tmpfs other rw", ""));
        ProcMountTable table = new ProcMountTable(mountinfo);

        assertThat(table.at(Path.of("/k/t")).get()).map(MountPoint::source).contains("third");
        assertThat(table.at(Path.of("/k/./t")).get()).map(MountPoint::source).contains("third");
        assertThat(table.at(Path.of("/k")).get()).isEmpty();
        assertThat(table.mounts().get()).extracting(MountPoint::id).containsExactly(59, 61, 60, 62);
        assertThat(table.targets().get()).containsExactlyInAnyOrder(Path.of("/k/t"), Path.of("/k/other"));
    }

    @Test
    void anUnreadableTableIsADefect(@TempDir Path dir) {
        assertThat(new ProcMountTable(dir.resolve("absent")).mounts().getLeft()).isInstanceOf(Failure.Defect.class);
    }

    @Test
    void theRealTableOfThisProcessParses() {
        List<MountPoint> mounts = new ProcMountTable(ProcMountTable.MOUNTINFO).mounts().get();

        assertThat(mounts).isNotEmpty().anyMatch(m -> m.target().equals(Path.of("/")));
    }
}
