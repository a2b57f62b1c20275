package io.csi4j.adapters.intelliflash.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ids in the original drivers' forms, array names for any CSI name, and csi4j's record in a dataset's purpose. */
class IdsAndNamesTest {

    @Test
    void volumeAndSnapshotIdsReadTheOriginalForms() {
        assertThat(DatasetRef.parse("array1:csi-file-test1:nginx-persistent"))
                .contains(new DatasetRef("array1", "csi-file-test1", "nginx-persistent"));
        assertThat(SnapshotRef.parse("array1:proj:vol@snapshot-1"))
                .contains(new SnapshotRef(new DatasetRef("array1", "proj", "vol"), "snapshot-1"));
        for (String bad : List.of("array1:proj", "array1:proj:a:b", ":proj:vol", "array1::vol", "array1:proj:a/b",
                "array1:proj:..:x", "a:b:c@d@e", "array1:proj:vol@")) {
            assertThat(DatasetRef.parse(bad).isPresent() && SnapshotRef.parse(bad).isPresent()).as(bad).isFalse();
        }
        assertThat(DatasetRef.parse("array1:proj:vol@snap")).as("a snapshot id is not a volume id").isEmpty();
    }

    @Test
    void lowTierIdsCannotCollideWithDatasetIdsOrLeaveTheirShare() {
        LowTierRef r = LowTierRef.parse("array1:/export/csi-file/parentfs/pvc-1").orElseThrow();

        assertThat(r).isEqualTo(new LowTierRef("array1", "/export/csi-file/parentfs", "pvc-1"));
        assertThat(DatasetRef.parse(r.handle())).isEmpty();
        for (String bad : List.of("array1:/export/x/..", "array1:/export/../etc/passwd", "array1:/x//y",
                "array1:proj:vol", "array1:/", "array1:/export/x/")) {
            assertThat(LowTierRef.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void namesTheArrayAcceptsAreKeptAndOthersHashedStably() {
        assertThat(ArrayNames.of("pvc-3f9e1c2a-7b1d-4c1e-9d2b-0a1b2c3d4e5f", 80))
                .isEqualTo("pvc-3f9e1c2a-7b1d-4c1e-9d2b-0a1b2c3d4e5f");
        String hashed = ArrayNames.of("ünïcødé ∂", 80);
        assertThat(hashed).matches("csi4j-[a-z2-7]{26}").isEqualTo(ArrayNames.of("ünïcødé ∂", 80));
        assertThat(ArrayNames.of("x".repeat(81), 80)).startsWith("csi4j-");
        assertThat(ArrayNames.of("a b", 80)).isNotEqualTo(ArrayNames.of("a  b", 80));
        assertThat(ArrayNames.valid("a:b")).isFalse();
        assertThat(ArrayNames.valid(hashed)).isTrue();
    }

    @Test
    void theRecordSurvivesTheRoundTripAndForeignPurposesAreIgnored() {
        Metadata m = Metadata.created("tab\tname", Map.of("project", "p")).withSource("array1:p:src", "volume",
                "array1:p:src@k8s-clone-snapshot-x").withNode("node1;ip=10.0.0.1", true)
                .withSnapshot("s", new Metadata.SnapshotMeta(5, 6, ""), List.of());

        assertThat(Metadata.read(m.write())).contains(m);
        assertThat(Metadata.read("General Purpose")).isEmpty();
        assertThat(Metadata.read("{not json")).isEmpty();
        assertThat(m.markedDeleted().nodes()).isEmpty();
        assertThat(m.withSnapshot("t", new Metadata.SnapshotMeta(1, 1, ""), List.of("t")).snapshots())
                .as("snapshots no longer on the array are forgotten").containsOnlyKeys("t");
    }
}
