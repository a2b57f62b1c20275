package io.csi4j.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void parsesNativeVolumeIds() {
        VolumeId id = VolumeId.parse("volume_id", "local:v1-abc").get();
        assertThat(id.backend()).isEqualTo(new BackendName("local"));
        assertThat(id.handle()).isEqualTo("v1-abc");
        assertThat(id.value()).isEqualTo("local:v1-abc");
        assertThat(id.foreign()).isFalse();
    }

    @Test
    void foreignIdsKeepTheirWireForm() {
        VolumeId id = VolumeId.foreign(new BackendName("hs"), "/share-1");
        assertThat(id.value()).isEqualTo("/share-1");
        assertThat(SnapshotId.foreign(new BackendName("ifs"), "cfg:proj:vol@snap").value()).isEqualTo("cfg:proj:vol@snap");
    }

    @Test
    void rejectsMalformedIdsWithTheFieldName() {
        assertThat(VolumeId.parse("volume_id", "").getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(VolumeId.parse("volume_id", "nocolon").getLeft().message()).contains("volume_id");
        assertThat(VolumeId.parse("volume_id", ":x").isLeft()).isTrue();
        assertThat(VolumeId.parse("volume_id", "local:").isLeft()).isTrue();
        assertThat(VolumeId.parse("volume_id", "Local:x").isLeft()).isTrue();
        assertThat(VolumeId.parse("volume_id", "local:a\u0000b").isLeft()).isTrue();
        assertThat(VolumeId.parse("volume_id", "local:a b").isLeft()).isTrue();
        assertThat(VolumeId.parse("volume_id", "local:" + "x".repeat(122)).isRight()).isTrue();
        assertThat(VolumeId.parse("volume_id", "local:" + "x".repeat(123)).isLeft()).isTrue();
    }

    @Test
    void namesFollowTheCsiCharacterRules() {
        assertThat(VolumeName.parse("pvc-1\ttab\nnewline\rcr").isRight()).isTrue();
        assertThat(VolumeName.parse("bad\u0001").getLeft().message()).contains("control character");
        assertThat(VolumeName.parse("bad\u007f").isLeft()).isTrue();
        assertThat(VolumeName.parse("bad\u0085").isLeft()).isTrue();
        assertThat(VolumeName.parse("é".repeat(64)).isRight()).isTrue();
        assertThat(VolumeName.parse("é".repeat(65)).isLeft()).isTrue();
        assertThat(SnapshotName.parse("x".repeat(10_000)).getLeft().message()).contains("128 bytes");
        assertThat(VolumeName.parse("").isLeft()).isTrue();
    }

    @Test
    void backendNamesAreDnsLabelsOfAtMost32() {
        assertThat(BackendName.parse("local").isRight()).isTrue();
        assertThat(BackendName.parse("array-2").isRight()).isTrue();
        assertThat(BackendName.parse("-a").isLeft()).isTrue();
        assertThat(BackendName.parse("a".repeat(33)).isLeft()).isTrue();
        assertThat(BackendName.parse("a/b").isLeft()).isTrue();
    }

    @Test
    void printableEscapesControlCharactersAndTruncates() {
        assertThat(Printable.of("a\u0000b\nc")).isEqualTo("a\\x00b\\x0ac");
        assertThat(Printable.of("y".repeat(100))).hasSize(67).endsWith("...");
    }
}
