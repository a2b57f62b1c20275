package io.csi4j.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HandleTest {

    private static final String SLOT = SlotNames.slotOf("pvc-1");
    private static final String GEN = "abcdefg2";

    @Test
    void aFormattedHandleParsesBackToTheSameSlotAndGeneration() {
        Handle h = new Handle(SLOT, GEN);

        assertThat(Handle.parseVolume(h.volumeForm())).contains(h);
        assertThat(Handle.parseSnapshot(h.snapshotForm())).contains(h);
    }

    @Test
    void volumeAndSnapshotHandlesAreNotInterchangeable() {
        Handle h = new Handle(SLOT, GEN);

        assertThat(Handle.parseVolume(h.snapshotForm())).isEmpty();
        assertThat(Handle.parseSnapshot(h.volumeForm())).isEmpty();
    }

    static List<String> malformed() {
        String a26 = "a".repeat(26);
        return List.of("", "..", "../../etc/passwd", "/etc/passwd", "v1-../../../../../../../../../-abcdefg2",
                "v1-" + a26 + "-abcdefg2/..", "v1-" + "a".repeat(25) + "/-abcdefg2",
                "v1-" + "a".repeat(25) + "\u0000-abcdefg2", "v1-" + "A".repeat(26) + "-abcdefg2",
                "v1-" + a26 + "-abcdefg1", "v2-" + a26 + "-abcdefg2", "v1-" + a26 + "_abcdefg2",
                "v1-" + "a".repeat(27) + "-abcdefg", " v1-" + a26 + "-abcdefg", "v1-" + a26 + "-abcdefg2 ",
                "v1-s" + a26 + "-abcdefg2\n");
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void theParsersRejectEverythingButTheirOwnForm(String raw) {
        assertThat(Handle.parseVolume(raw)).isEmpty();
        assertThat(Handle.parseSnapshot(raw)).isEmpty();
    }

    @Test
    void theParsersRejectNullAndVeryLongInputWithoutScanningIt() {
        assertThat(Handle.parseVolume(null)).isEmpty();
        assertThat(Handle.parseVolume("v1-" + "a".repeat(100_000))).isEmpty();
        assertThat(Handle.parseSnapshot("v1-s" + "a".repeat(100_000))).isEmpty();
    }

    @Test
    void slotsAreTheSameForTheSameNameDifferentForOthersAndOnlyBase32() {
        assertThat(SlotNames.slotOf("pvc-1")).isEqualTo(SLOT).matches("[a-z2-7]{26}");
        assertThat(SlotNames.slotOf("pvc-2")).isNotEqualTo(SLOT);
        assertThat(SlotNames.slotOf("../..")).matches("[a-z2-7]{26}");
    }

    @Test
    void generationsAreEightBase32CharactersAndDiffer() {
        List<String> gens = List.of(SlotNames.newGeneration(), SlotNames.newGeneration(), SlotNames.newGeneration());

        assertThat(gens).allMatch(g -> g.matches("[a-z2-7]{8}")).doesNotHaveDuplicates();
    }

    @Test
    void base32FollowsRfc4648() {
        // RFC 4648 §10 test vectors, lower case and without padding.
        assertThat(SlotNames.base32("f".getBytes())).isEqualTo("my");
        assertThat(SlotNames.base32("fooba".getBytes())).isEqualTo("mzxw6ytb");
        assertThat(SlotNames.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
    }
}
