package io.csi4j.ports.out.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.host.Mounter.Unmount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link Mounter} together with {@link MountTable}, which is how callers see the effect of a
 * mount. Uses tmpfs mounts and binds, which every Linux host can make.
 */
public abstract class MountingContract extends HostContractSupport {

    private static final List<String> SMALL = List.of("size=4m");

    @Test
    void aMountShowsInTheTableAtItsTarget() {
        Path target = directory("tmp");

        ok(host.mounter().mount("csi4j-test", target, "tmpfs", SMALL));

        MountPoint mount = ok(host.mountTable().at(target)).orElseThrow();
        assertThat(mount.fsType()).isEqualTo("tmpfs");
        assertThat(mount.source()).isEqualTo("csi4j-test");
        assertThat(mount.root()).isEqualTo("/");
        assertThat(mount.isReadOnly()).isFalse();
        assertThat(ok(host.mountTable().mounts())).contains(mount);
    }

    @Test
    void theTableHasNothingAtAPlainDirectory() {
        assertThat(ok(host.mountTable().at(directory("plain")))).isEmpty();
        assertThat(ok(host.mountTable().at(fixture.root().resolve("absent")))).isEmpty();
    }

    @Test
    void aBindOfASubdirectoryIsTheSameDeviceWithThatRoot() {
        Path staging = directory("staging");
        ok(host.mounter().mount("csi4j-test", staging, "tmpfs", SMALL));
        ok(host.paths().ensureDirectory(staging.resolve("sub")));
        Path target = directory("target");

        ok(host.mounter().bind(staging.resolve("sub"), target, false));

        MountPoint source = ok(host.mountTable().at(staging)).orElseThrow();
        MountPoint bound = ok(host.mountTable().at(target)).orElseThrow();
        assertThat(bound.device()).isEqualTo(source.device());
        assertThat(bound.root()).isEqualTo("/sub");
        assertThat(bound.isReadOnly()).isFalse();
        ok(host.paths().ensureFile(target.resolve("seen-through-bind")));
        assertThat(ok(host.paths().kind(staging.resolve("sub/seen-through-bind")))).isEqualTo(HostPaths.Kind.FILE);
    }

    @Test
    void aReadOnlyBindIsReadOnlyWhileItsSourceStaysWritable() {
        Path staging = directory("staging");
        ok(host.mounter().mount("csi4j-test", staging, "tmpfs", SMALL));
        Path target = directory("target");

        ok(host.mounter().bind(staging, target, true));

        assertThat(ok(host.mountTable().at(target)).orElseThrow().isReadOnly()).isTrue();
        assertThat(ok(host.mountTable().at(staging)).orElseThrow().isReadOnly()).isFalse();
        assertThat(failed(host.paths().ensureFile(target.resolve("denied"))))
                .isInstanceOf(Failure.FailedPrecondition.class);
        ok(host.paths().ensureFile(staging.resolve("allowed")));
    }

    @Test
    void remountReadOnlyMakesAMountReadOnly() {
        Path target = directory("tmp");
        ok(host.mounter().mount("csi4j-test", target, "tmpfs", SMALL));

        ok(host.mounter().remountReadOnly(target));

        assertThat(ok(host.mountTable().at(target)).orElseThrow().isReadOnly()).isTrue();
    }

    @Test
    void remountReadOnlyOfAPlainDirectoryIsNotFound() {
        assertThat(failed(host.mounter().remountReadOnly(directory("plain"))))
                .isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void unmountRemovesTheMountAndIsDoneWhenNothingIsMounted() {
        Path target = directory("tmp");
        ok(host.mounter().mount("csi4j-test", target, "tmpfs", SMALL));

        assertThat(ok(host.mounter().unmount(target, Unmount.NORMAL))).isEqualTo(Done.DONE);

        assertThat(ok(host.mountTable().at(target))).isEmpty();
        assertThat(ok(host.mounter().unmount(target, Unmount.NORMAL))).isEqualTo(Done.DONE);
        assertThat(ok(host.mounter().unmount(fixture.root().resolve("absent"), Unmount.NORMAL)))
                .isEqualTo(Done.DONE);
    }

    @Test
    void stackedMountsAreSeenAndRemovedTopmostFirst() {
        Path target = directory("tmp");
        ok(host.mounter().mount("csi4j-lower", target, "tmpfs", SMALL));
        ok(host.mounter().mount("csi4j-upper", target, "tmpfs", SMALL));

        assertThat(ok(host.mountTable().at(target)).orElseThrow().source()).isEqualTo("csi4j-upper");
        ok(host.mounter().unmount(target, Unmount.NORMAL));
        assertThat(ok(host.mountTable().at(target)).orElseThrow().source()).isEqualTo("csi4j-lower");
        ok(host.mounter().unmount(target, Unmount.NORMAL));
        assertThat(ok(host.mountTable().at(target))).isEmpty();
    }

    @Test
    void aBusyMountResistsANormalUnmountAndGoesLazily() throws Exception {
        Path target = directory("tmp");
        ok(host.mounter().mount("csi4j-test", target, "tmpfs", SMALL));
        fixture.writeFile(target.resolve("open"), 16);

        try (AutoCloseable open = fixture.holdOpen(target.resolve("open"))) {
            assertThat(failed(host.mounter().unmount(target, Unmount.NORMAL)))
                    .isInstanceOf(Failure.FailedPrecondition.class);
            assertThat(ok(host.mountTable().at(target))).isPresent();

            assertThat(ok(host.mounter().unmount(target, Unmount.LAZY))).isEqualTo(Done.DONE);
            assertThat(ok(host.mountTable().at(target))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Unmount.class)
    void everyUnmountModeRemovesAnIdleMount(Unmount mode) {
        Path target = directory("tmp");
        ok(host.mounter().mount("csi4j-test", target, "tmpfs", SMALL));

        ok(host.mounter().unmount(target, mode));

        assertThat(ok(host.mountTable().at(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "tab\there", "new\nline", "back\\slash", "all \t\n\\ of them"})
    void hostileDirectoryNamesRoundTripThroughTheTable(String name) {
        Path staging = directory("staging");
        ok(host.mounter().mount("csi4j-test", staging, "tmpfs", SMALL));
        Path target = directory(name);

        ok(host.mounter().bind(staging, target, false));

        MountPoint bound = ok(host.mountTable().at(target)).orElseThrow();
        assertThat(bound.target()).isEqualTo(target);
        assertThat(bound.target().getFileName().toString()).isEqualTo(name);
        ok(host.mounter().unmount(target, Unmount.NORMAL));
        assertThat(ok(host.mountTable().at(target))).isEmpty();
    }

    @Test
    void targetsOutsideTheRootsAreRejectedAndNothingIsMounted() {
        Path staging = directory("staging");

        assertThat(failed(host.mounter().mount("csi4j-test", fixture.outside(), "tmpfs", SMALL)))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.mounter().bind(staging, fixture.outside(), false)))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.mounter().bind(fixture.outside(), staging, false)))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.mounter().unmount(fixture.outside(), Unmount.LAZY)))
                .isInstanceOf(Failure.InvalidArgument.class);

        assertThat(ok(host.mountTable().at(fixture.outside()))).isEmpty();
        assertThat(ok(host.mountTable().at(staging))).isEmpty();
    }

    @Test
    void aSymlinkedTargetLeavingTheRootsIsRejected() {
        Path link = fixture.root().resolve("link");
        fixture.symlink(link, fixture.outside());

        assertThat(failed(host.mounter().mount("csi4j-test", link, "tmpfs", SMALL)))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(ok(host.mountTable().at(fixture.outside()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bind", "rbind", "remount", "move", "make-shared", "ro,bind", ""})
    void mountRefusesOptionsThatWouldBindMoveOrRemount(String option) {
        Path target = directory("tmp");

        assertThat(failed(host.mounter().mount(fixture.outside().toString(), target, "none", List.of(option))))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(ok(host.mountTable().at(target))).isEmpty();
    }

    @Test
    void aMissingTargetIsNotFound() {
        assertThat(failed(host.mounter().mount("csi4j-test", fixture.root().resolve("absent"), "tmpfs", SMALL)))
                .isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void aMountWithCredentialsThatFailsNamesNoneOfThemAndMountsNothing() {
        Path target = directory("smb");
        Secrets credentials = new Secrets(Map.of("username", "csi4j-user-x", "password", "pa55-w0rd-x"));

        Failure failure = failed(host.mounter().mount("//192.0.2.1/nothing-here", target, "cifs",
                List.of("vers=3.0"), credentials));

        assertThat(failure.message()).doesNotContain("csi4j-user-x", "pa55-w0rd-x");
        assertThat(ok(host.mountTable().at(target))).isEmpty();
    }

    @Test
    void credentialsThatWouldForgeALineOfTheCredentialsFileAreInvalid() {
        Path target = directory("smb");
        Secrets forged = new Secrets(Map.of("username", "me", "password", "pw\ndomain=EVIL"));

        assertThat(failed(host.mounter().mount("//192.0.2.1/share", target, "cifs", List.of(), forged)))
                .isInstanceOf(Failure.InvalidArgument.class).extracting(Failure::message).asString()
                .doesNotContain("EVIL");
        assertThat(ok(host.mountTable().at(target))).isEmpty();
    }

    @Test
    void aFailedMountLeavesNothingMounted() {
        Path target = directory("target");

        assertThat(failed(host.mounter().mount(fixture.root().resolve("no-such-device").toString(), target, "ext4",
                List.of()))).isNotNull();

        assertThat(ok(host.mountTable().at(target))).isEmpty();
    }
}
