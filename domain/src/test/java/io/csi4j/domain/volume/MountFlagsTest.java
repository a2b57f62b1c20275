package io.csi4j.domain.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountFlagsTest {

    @Test
    void plainOptionsPassTrimmedAndBlankOnesAreDropped() {
        assertThat(MountFlags.check(List.of(" noatime ", "", "nfsvers=4.1", "context=\"system_u:object_r:x_t:s0\""))
                .get()).containsExactly("noatime", "nfsvers=4.1", "context=\"system_u:object_r:x_t:s0\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bind", "rbind", "BIND", "remount", "move", "loop", "loop=/dev/loop0", "offset=4096",
            "helper=evil", "x-mount.mkdir", "make-shared", "make-rprivate", "suid", "dev", "exec", "user", "owner"})
    void optionsThatChangeWhatIsMountedOrWhereAreRefused(String flag) {
        Failure refused = MountFlags.check(List.of("noatime", flag)).getLeft();

        assertThat(refused).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(refused.message()).contains("not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ro,bind", "noatime\nbind", "a b", "-o", "opt=\"unterminated", "a\u0000b"})
    void aFlagThatIsNotOneOptionIsRefusedWithoutQuotingIt(String flag) {
        Failure refused = MountFlags.check(List.of("noatime", flag + "secret")).getLeft();

        assertThat(refused).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(refused.message()).isEqualTo("mount flag #2 is not a single mount option").doesNotContain("secret");
    }
}
