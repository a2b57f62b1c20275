package io.csi4j.adapters.hammerspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, volume handles and snapshot handles: the original forms read and written, nothing else accepted. */
class IdsAndNamesTest {

    @Test
    void plainNamesStayAndOthersAreHashedDeterministicallyWithinTheLimit() {
        assertThat(Names.share("%s", "pvc-0b4e", 1)).isEqualTo("pvc-0b4e");
        assertThat(Names.share("%s", "pvc-0b4e", 2)).isEqualTo("pvc-0b4e-g2");
        for (String odd : List.of("x".repeat(128), "é".repeat(64), "tab\tand space", ".hidden", "-dash", "a/b")) {
            String n = Names.share("%s", odd, 1);
            assertThat(n).as(odd).hasSizeLessThanOrEqualTo(80).matches("[A-Za-z0-9][A-Za-z0-9._-]*")
                    .isEqualTo(Names.share("%s", odd, 1));
        }
        assertThat(Names.share("%s", "a b", 1)).isNotEqualTo(Names.share("%s", "a\tb", 1));
        String inBacking = Names.inBacking("%s", "y".repeat(100), "b".repeat(60), 1);
        assertThat(("/" + "b".repeat(60) + "/" + inBacking).length()).isLessThanOrEqualTo(Names.MAX_ID);
    }

    @Test
    void volumeHandlesAreTheOriginalFormsAndNeverLeaveTheirShare() {
        assertThat(VolumeHandle.parse("/share").orElseThrow()).isEqualTo(VolumeHandle.ofShare("share"));
        assertThat(VolumeHandle.parse("/b/f").orElseThrow()).isEqualTo(VolumeHandle.inBacking("b", "f"));
        for (String bad : List.of("", "share", "/", "/a/", "/a/b/c", "/..", "/a/..", "/.snapshot", "/a/.fsnapshot",
                "/a b", "/a\u0000", "/" + "s".repeat(81))) {
            assertThat(VolumeHandle.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void snapshotHandlesNameTheApiThatOwnsThem() {
        var share = SnapshotHandle.parse("2026-10-01T15-25-39-0|/pvc-a").orElseThrow();
        assertThat(share.form()).isEqualTo(SnapshotHandle.Form.SHARE);
        assertThat(share.snapshot()).isEqualTo("2026-10-01T15-25-39-0");

        var compact = SnapshotHandle.parse("2026-09-23T08-25-16-0644-0|/b/pvc-f").orElseThrow();
        assertThat(compact.form()).isEqualTo(SnapshotHandle.Form.FILE);
        assertThat(compact.filePath()).isEqualTo("/b/.fsnapshot/pvc-f/2026-09-23T08-25-16-0644-0");

        var full = SnapshotHandle.parse("/b/.fsnapshot/pvc-f/2026-09-23T08-25-16-0644-0|/b/pvc-f").orElseThrow();
        assertThat(full).isEqualTo(compact);

        var dir = SnapshotHandle.parse("2026-10-01T15-25-39-0|/b/pvc-d|share").orElseThrow();
        assertThat(dir.form()).isEqualTo(SnapshotHandle.Form.BACKING_SHARE);
        assertThat(dir.value()).isEqualTo("2026-10-01T15-25-39-0|/b/pvc-d|share");

        for (String bad : List.of("no-bar", "|/a", "x|a", "/other/.fsnapshot/f/t|/b/f", "../x|/a", "x|/a|share",
                "x|/a/b/c")) {
            assertThat(SnapshotHandle.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void theTimestampIsFoundInEitherFileSnapshotLayout() {
        assertThat(SnapshotHandle.timestampOf("/b/.fsnapshot/f/2026-09-23T08-25-16-0644-0", "f"))
                .contains("2026-09-23T08-25-16-0644-0");
        assertThat(SnapshotHandle.timestampOf("/b/.fsnapshot/2026-09-22-00-00-00/f", "f"))
                .contains("2026-09-22-00-00-00");
        assertThat(HammerspaceSnapshots.stamp("2026-10-01T15-25-39-0")).hasValueSatisfying(i ->
                assertThat(i.toString()).isEqualTo("2026-10-01T15:25:39Z"));
        assertThat(HammerspaceSnapshots.stamp("garbage")).isEmpty();
    }
}
