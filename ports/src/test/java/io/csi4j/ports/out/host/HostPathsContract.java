package io.csi4j.ports.out.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.HostPaths.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract of {@link HostPaths}: confinement to the allowed roots, and idempotent file operations. */
public abstract class HostPathsContract extends HostContractSupport {

    @Test
    void confineAcceptsNormalisedPathsInsideTheRootWhetherOrNotTheyExist() {
        Path existing = directory("existing");
        Path missing = fixture.root().resolve("missing/deeper");

        assertThat(ok(host.paths().confine("target", existing.toString()))).isEqualTo(existing);
        assertThat(ok(host.paths().confine("target", missing.toString()))).isEqualTo(missing);
        assertThat(ok(host.paths().confine("target", fixture.root().toString()))).isEqualTo(fixture.root());
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/path", "", "/a/../b", "/a/./b", "/a//b", "/a/b/"})
    void confineRejectsPathsThatAreNotAbsoluteAndNormalised(String raw) {
        String path = raw.startsWith("/") ? fixture.root() + raw : raw;

        assertThat(failed(host.paths().confine("target", path))).isInstanceOf(Failure.InvalidArgument.class)
                .extracting(Failure::message).asString().startsWith("target ");
    }

    @Test
    void confineRejectsNulAndPathsOutsideTheRoots() {
        assertThat(failed(host.paths().confine("target", fixture.root() + "/a\0b")))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().confine("target", fixture.outside().toString())))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().confine("target", fixture.root() + "/../escape")))
                .isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void aSymlinkInAnAncestorThatLeavesTheRootIsRejectedAndNothingIsCreated() {
        Path link = fixture.root().resolve("link");
        fixture.symlink(link, fixture.outside());
        Path through = link.resolve("victim");

        assertThat(failed(host.paths().confine("target", through.toString())))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().ensureDirectory(through))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().ensureFile(through))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(fixture.exists(fixture.outside().resolve("victim"))).isFalse();
    }

    @Test
    void aSymlinkThatStaysInsideTheRootIsFollowed() {
        Path real = directory("real");
        Path link = fixture.root().resolve("alias");
        fixture.symlink(link, real);

        ok(host.paths().ensureDirectory(link.resolve("child")));

        assertThat(ok(host.paths().kind(real.resolve("child")))).isEqualTo(Kind.DIRECTORY);
    }

    @Test
    void operationsOutsideTheRootsAreRejectedAndTouchNothing() {
        Path outside = fixture.outside().resolve("made");

        assertThat(failed(host.paths().ensureDirectory(outside))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().ensureFile(outside))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().kind(outside))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().remove(fixture.outside()))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(fixture.exists(outside)).isFalse();
        assertThat(fixture.exists(fixture.outside())).isTrue();
    }

    @Test
    void ensureDirectoryCreatesMissingParentsAndIsIdempotent() {
        Path nested = fixture.root().resolve("a/b/c");

        assertThat(ok(host.paths().ensureDirectory(nested))).isEqualTo(Done.DONE);
        assertThat(ok(host.paths().ensureDirectory(nested))).isEqualTo(Done.DONE);

        assertThat(ok(host.paths().kind(nested))).isEqualTo(Kind.DIRECTORY);
        assertThat(ok(host.paths().kind(fixture.root().resolve("a")))).isEqualTo(Kind.DIRECTORY);
    }

    @Test
    void ensureFileCreatesAnEmptyFileAndIsIdempotent() {
        Path file = fixture.root().resolve("targets/block-target");

        ok(host.paths().ensureFile(file));
        ok(host.paths().ensureFile(file));

        assertThat(ok(host.paths().kind(file))).isEqualTo(Kind.FILE);
    }

    @Test
    void ensureRefusesAnExistingObjectOfTheOtherKind() {
        Path dir = directory("dir");
        Path file = fixture.root().resolve("file");
        ok(host.paths().ensureFile(file));

        assertThat(failed(host.paths().ensureFile(dir))).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(failed(host.paths().ensureDirectory(file))).isInstanceOf(Failure.FailedPrecondition.class);
    }

    @Test
    void kindReportsAbsentAndReportsASymlinkItselfAsOther() {
        Path link = fixture.root().resolve("link");
        fixture.symlink(link, directory("dir"));

        assertThat(ok(host.paths().kind(fixture.root().resolve("nothing")))).isEqualTo(Kind.ABSENT);
        assertThat(ok(host.paths().kind(link))).isEqualTo(Kind.OTHER);
    }

    @Test
    void removeDeletesFilesAndEmptyDirectoriesAndIsDoneWhenAbsent() {
        Path dir = directory("empty");
        Path file = fixture.root().resolve("file");
        ok(host.paths().ensureFile(file));

        ok(host.paths().remove(dir));
        ok(host.paths().remove(file));

        assertThat(ok(host.paths().kind(dir))).isEqualTo(Kind.ABSENT);
        assertThat(ok(host.paths().kind(file))).isEqualTo(Kind.ABSENT);
        assertThat(ok(host.paths().remove(dir))).isEqualTo(Done.DONE);
    }

    @Test
    void removeRefusesANonEmptyDirectoryAndAnAllowedRoot() {
        Path dir = directory("full");
        ok(host.paths().ensureFile(dir.resolve("inside")));

        assertThat(failed(host.paths().remove(dir))).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(failed(host.paths().remove(fixture.root()))).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(ok(host.paths().kind(dir.resolve("inside")))).isEqualTo(Kind.FILE);
    }

    @Test
    void removeRefusesASymlinkAndLeavesItsTarget() {
        Path target = directory("kept");
        Path link = fixture.root().resolve("link");
        fixture.symlink(link, target);

        assertThat(failed(host.paths().remove(link))).isInstanceOf(Failure.FailedPrecondition.class);

        assertThat(ok(host.paths().kind(target))).isEqualTo(Kind.DIRECTORY);
    }

    @Test
    void aStageRecordIsWrittenReadReplacedAndRemoved() {
        Path staging = directory("staging");
        assertThat(ok(host.paths().readRecord(staging))).isEmpty();

        ok(host.paths().writeRecord(staging, Map.of("volume", "local:v1-x", "image", "/a b/c=d\\n\nz")));
        assertThat(ok(host.paths().readRecord(staging)))
                .contains(Map.of("volume", "local:v1-x", "image", "/a b/c=d\\n\nz"));
        ok(host.paths().writeRecord(staging, Map.of("volume", "local:v1-y")));
        assertThat(ok(host.paths().readRecord(staging))).contains(Map.of("volume", "local:v1-y"));

        ok(host.paths().removeRecord(staging));
        assertThat(ok(host.paths().readRecord(staging))).isEmpty();
        ok(host.paths().removeRecord(staging));
        ok(host.paths().remove(staging));
        assertThat(ok(host.paths().kind(staging))).isEqualTo(Kind.ABSENT);
    }

    @Test
    void aStageRecordIsHiddenWhileSomethingIsMountedOnItsDirectoryAndSeenAgainAfter() {
        Path staging = directory("staging");
        Path data = directory("data");
        ok(host.paths().writeRecord(staging, Map.of("volume", "v")));
        ok(host.mounter().bind(data, staging, false));
        try {
            assertThat(ok(host.paths().readRecord(staging))).isEqualTo(Optional.empty());
        } finally {
            ok(host.mounter().unmount(staging, Mounter.Unmount.NORMAL));
        }
        assertThat(ok(host.paths().readRecord(staging))).contains(Map.of("volume", "v"));
        assertThat(ok(host.paths().readRecord(data))).isEmpty();
    }

    @Test
    void recordsAndGroupsOutsideTheRootsAreRejected() {
        assertThat(failed(host.paths().writeRecord(fixture.outside(), Map.of("volume", "v"))))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(host.paths().shareWithGroup(fixture.outside(), 1234)))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(fixture.exists(fixture.outside().resolve(".csi4j-stage"))).isFalse();
    }

    @Test
    void aDirectoryCanBeSharedWithAGroup() {
        Path dir = directory("shared");
        ok(host.paths().shareWithGroup(dir, 4321));
        ok(host.paths().shareWithGroup(dir, 4321));
        assertThat(fixture.groupOf(dir)).contains(4321L);
    }
}
