package io.csi4j.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeFactsTest {

    @Test
    void aPlainNameIsANodeWithoutFacts() {
        assertThat(NodeFacts.parse(new NodeId("worker-1")).get()).isEqualTo(NodeFacts.named("worker-1"));
    }

    @Test
    void factsRoundTripThroughTheNodeId() {
        var facts = new NodeFacts("worker-1", Optional.of("iqn.1993-08.org.debian:01:5a3c"), Optional.of("10.0.0.7"));
        NodeId id = facts.toId();
        assertThat(id.value()).isEqualTo("worker-1;iqn=iqn.1993-08.org.debian:01:5a3c;ip=10.0.0.7");
        assertThat(NodeFacts.parse(id).get()).isEqualTo(facts);
    }

    @Test
    void unknownOrMalformedPartsAreRefused() {
        assertThat(NodeFacts.parse(new NodeId("n1;color=red")).isLeft()).isTrue();
        assertThat(NodeFacts.parse(new NodeId("n1;iqn=notaniqn")).isLeft()).isTrue();
        assertThat(NodeFacts.parse(new NodeId("n1;ip=300.x")).isLeft()).isTrue();
        assertThat(NodeFacts.parse(new NodeId("-n1")).isLeft()).isTrue();
    }

    @Test
    void nodeIdsMayBeUpTo256Bytes() {
        assertThat(NodeId.parse("node_id", "a".repeat(256)).isRight()).isTrue();
        assertThat(NodeId.parse("node_id", "a".repeat(257)).isLeft()).isTrue();
        assertThat(NodeId.parse("node_id", "a".repeat(200) + " b").isLeft()).isTrue();
    }
}
