package io.csi4j.adapters.hammerspace;

import static io.csi4j.adapters.hammerspace.Fixtures.failed;
import static io.csi4j.adapters.hammerspace.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.fake.FakeHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller's NFS mounts of shares, against the in-memory host: mounted once, found again from the table. */
class NfsShareMountsTest {

    static final Path ROOT = Path.of("/var/lib/csi4j/hammerspace");

    final FakeHost host = new FakeHost(List.of(ROOT));
    final NfsShareMounts mounts = new NfsShareMounts(host.mounter(), host.mountTable(), host.paths(),
            ROOT.resolve("mounts"), NfsShareMounts.DEFAULT_ATTEMPTS);
    final ShareAccess.ShareLocation backing = new ShareAccess.ShareLocation("backing", "10.0.0.5", "/backing", List.of());

    @Test
    void aShareIsMountedOnceAndFoundInTheMountTableAfterwards() {
        host.addShare("10.0.0.5:/backing", 1L << 30);

        Path first = ok(mounts.open(backing));
        Path second = ok(mounts.open(backing));

        assertThat(first).isEqualTo(ROOT.resolve("mounts/backing")).isEqualTo(second);
        List<MountPoint> at = ok(host.mountTable().mounts()).stream().filter(m -> m.target().equals(first)).toList();
        assertThat(at).singleElement().satisfies(m -> {
            assertThat(m.source()).isEqualTo("10.0.0.5:/backing");
            assertThat(m.fsType()).startsWith("nfs");
        });
    }

    @Test
    void aShareThatCannotBeMountedIsUnavailableAndSomethingElseAtTheTargetIsRefused() {
        Failure f = failed(mounts.open(backing));
        assertThat(f).isInstanceOf(Failure.Unavailable.class);
        assertThat(f.message()).contains("10.0.0.5:/backing");

        host.addShare("10.0.0.6:/backing", 1L << 30);
        ok(new NfsShareMounts(host.mounter(), host.mountTable(), host.paths(), ROOT.resolve("mounts"),
                NfsShareMounts.DEFAULT_ATTEMPTS).open(new ShareAccess.ShareLocation("backing", "10.0.0.6", "/backing",
                List.of())));
        assertThat(failed(mounts.open(backing))).isInstanceOf(Failure.FailedPrecondition.class);
    }

    @Test
    void optionsThatNameAVersionAreUsedAloneOtherwiseEachDefaultVersionIsTried() {
        assertThat(mounts.optionsToTry(List.of("nfsvers=3", "nolock"))).containsExactly(List.of("nfsvers=3", "nolock"));
        assertThat(mounts.optionsToTry(List.of("noatime"))).containsExactly(List.of("vers=4.2", "noatime"),
                List.of("vers=3", "nolock", "noatime"));
    }
}
