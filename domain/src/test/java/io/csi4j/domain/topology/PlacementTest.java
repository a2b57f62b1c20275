package io.csi4j.domain.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final String KEY = "topology.csi4j.io/node";
    private final Topology a = Topology.of(KEY, "a");
    private final Topology b = Topology.of(KEY, "b");

    @Test
    void withoutRequirementTakesTheFirstCandidate() {
        assertThat(Placement.choose(List.of(a, b), Optional.empty()).get()).isEqualTo(a);
    }

    @Test
    void preferredWinsOverRequisiteOrder() {
        var r = new TopologyRequirement(List.of(a, b), List.of(b, a));
        assertThat(Placement.choose(List.of(a, b), Optional.of(r)).get()).isEqualTo(b);
    }

    @Test
    void requisiteTermsMayCarryMoreKeysThanOurs() {
        Topology wide = new Topology(Map.of(KEY, "b", "topology.kubernetes.io/zone", "z1"));
        var r = new TopologyRequirement(List.of(wide), List.of());
        assertThat(Placement.choose(List.of(a, b), Optional.of(r)).get()).isEqualTo(b);
    }

    @Test
    void anUnsatisfiableRequirementIsResourceExhausted() {
        var r = new TopologyRequirement(List.of(Topology.of(KEY, "c")), List.of());
        assertThat(Placement.choose(List.of(a), Optional.of(r)).getLeft()).isInstanceOf(Failure.CapacityExhausted.class);
    }

    @Test
    void preferencesThatNoCandidateMeetsWithoutRequisiteFallBackToTheFirstCandidate() {
        var r = new TopologyRequirement(List.of(), List.of(Topology.of(KEY, "c")));
        assertThat(Placement.choose(List.of(a, b), Optional.of(r)).get()).isEqualTo(a);
    }

    @Test
    void aMetPreferenceWithoutRequisiteIsChosen() {
        var r = new TopologyRequirement(List.of(), List.of(Topology.of(KEY, "c"), b));
        assertThat(Placement.choose(List.of(a, b), Optional.of(r)).get()).isEqualTo(b);
    }

    @Test
    void validatesKeysAndValues() {
        assertThat(Topology.parse(Map.of(KEY, "node-1")).isRight()).isTrue();
        assertThat(Topology.parse(Map.of("Bad_Prefix/x", "v")).isLeft()).isTrue();
        assertThat(Topology.parse(Map.of("zone", "-bad")).isLeft()).isTrue();
        assertThat(Topology.parse(Map.of("zone", "a", "Zone", "b")).getLeft().message()).contains("twice");
        assertThat(Topology.parse(Map.of("x".repeat(64), "v")).isLeft()).isTrue();
    }

    @Test
    void anEmptyRequirementIsInvalid() {
        assertThat(TopologyRequirement.of(List.of(), List.of()).isLeft()).isTrue();
    }
}
