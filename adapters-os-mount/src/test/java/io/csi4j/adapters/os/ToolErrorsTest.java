package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.CommandResult;
import org.junit.jupiter.api.Test;

/** Messages as the tools print them (C locale), and the failure each one means. */
class ToolErrorsTest {

    private static Failure classify(String stderr) {
        return ToolErrors.classify(new CommandResult("mount -t nfs4 server:/x /t", 32, "", stderr));
    }

    @Test
    void aKernelWithoutTheFilesystemIsThisNodesProblemNotAMissingVolume() {
        Failure failure = classify("mount.nfs4: No such device\n");

        assertThat(failure).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(failure.message()).contains("No such device", "kernel");
    }

    @Test
    void missingSourcesAndTargetsAreNotFound() {
        assertThat(classify("mount: /t: special device /dev/loop9 does not exist.")).isInstanceOf(Failure.NotFound.class);
        assertThat(classify("mount.nfs: mount point /t does not exist")).isInstanceOf(Failure.NotFound.class);
        assertThat(classify("losetup: /dev/loop3: No such device or address")).isInstanceOf(Failure.NotFound.class);
        assertThat(classify("mount.nfs: access denied by server while mounting server:/x"))
                .isInstanceOf(Failure.PermissionDenied.class);
        assertThat(classify("mount.nfs: Connection refused")).isInstanceOf(Failure.Unavailable.class);
    }
}
