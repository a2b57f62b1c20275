package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.CommandResult;
import io.csi4j.ports.out.host.Usage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pure pieces: device numbers, stat output, message classification, configuration. */
class SmallPartsTest {

    @ParameterizedTest
    @CsvSource({"7, 0", "8, 16", "259, 3", "8, 300", "4095, 1048575", "4096, 1"})
    void deviceNumbersSplitLikeGlibc(long major, long minor) {
        long rdev = ((major & 0xfff) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xff) | ((minor & ~0xffL) << 12);

        assertThat(SysfsBlockDevices.major(rdev)).isEqualTo(major);
        assertThat(SysfsBlockDevices.minor(rdev)).isEqualTo(minor);
    }

    @Test
    void statOutputBecomesUsageLikeDf() {
        Usage usage = StatfsStats.parse(Path.of("/v"), "4096 100 40 30 1000 900\n").get();

        assertThat(usage).isEqualTo(new Usage(409_600, 245_760, 122_880, 1000, 100, 900));
        assertThat(StatfsStats.parse(Path.of("/v"), "4096 100\n").getLeft()).isInstanceOf(Failure.Defect.class);
        assertThat(StatfsStats.parse(Path.of("/v"), "a b c d e f").getLeft()).isInstanceOf(Failure.Defect.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mount: /t: special device /dev/x does not exist.|NotFound",
        "umount: /t: No such file or directory|NotFound",
        "mount.nfs: Connection refused|Unavailable",
        "mount.nfs: Connection timed out|Unavailable",
        "mount error(13): Permission denied|PermissionDenied",
        "mount: /t: wrong fs type, bad option, bad superblock on /dev/loop0.|FailedPrecondition",
        "something nobody has seen|FailedPrecondition"})
    void toolMessagesAreClassifiedNeverAsDefects(String message, String expected) {
        Failure failure = ToolErrors.classify(new CommandResult("mount -t x", 32, "", message));

        assertThat(failure.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(failure.message()).contains("exit 32").contains(message.strip());
    }

    @Test
    void mountOptionsThatBindMoveOrRemountAreRefusedWithoutEchoingTheOption() {
        assertThat(MountOptions.check("src", "nfs4", List.of("vers=4.1", "hard")).get())
                .containsExactly("vers=4.1", "hard");
        assertThat(MountOptions.check("src", "nfs4", List.of("password=secret,bind")).getLeft().message())
                .doesNotContain("secret");
        assertThat(MountOptions.check("src", "nfs4", List.of("X-mount.mkdir")).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(MountOptions.check("src", "ext4;rm", List.of()).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(MountOptions.check(" ", "ext4", List.of()).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void configurationRejectsRootsThatCannotConfineAndLimitsThatCannotBound() {
        Duration second = Duration.ofSeconds(1);

        assertThatThrownBy(() -> new HostConfig(List.of(), second, second, second, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostConfig(List.of(Path.of("/")), second, second, second, 1))
                .hasMessageContaining("other than /");
        assertThatThrownBy(() -> new HostConfig(List.of(Path.of("var/lib")), second, second, second, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostConfig(List.of(Path.of("/var/lib/../x")), second, second, second, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostConfig(List.of(Path.of("/v")), Duration.ZERO, second, second, 1))
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> new HostConfig(List.of(Path.of("/v")), second, second, second, 0))
                .hasMessageContaining("maxStuckCalls");
        assertThat(HostConfig.withRoots(List.of(Path.of("/var/lib/kubelet"))).statTimeout()).isPositive();
    }
}
