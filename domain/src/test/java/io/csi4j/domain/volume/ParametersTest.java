package io.csi4j.domain.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void enforcesTheFourKibLimit() {
        assertThat(Parameters.of("parameters", Map.of("k", "v".repeat(4095))).isRight()).isTrue();
        assertThat(Parameters.of("parameters", Map.of("k", "v".repeat(4096))).getLeft().message())
                .contains("parameters").contains("4096");
    }

    @Test
    void ignoresKubernetesKeysWhenLookingForUnknownOnes() {
        Parameters p = new Parameters(Map.of("kind", "image", "csi.storage.k8s.io/pvc/name", "data", "bogus", "1"));
        assertThat(p.unknownKeys(Set.of("kind"))).containsExactly("bogus");
        assertThat(p.withoutKubernetesKeys().values()).containsOnlyKeys("kind", "bogus");
    }

    @Test
    void laterValuesWin() {
        Parameters p = new Parameters(Map.of("a", "1", "b", "2")).overriddenBy(new Parameters(Map.of("b", "3")));
        assertThat(p.values()).containsEntry("a", "1").containsEntry("b", "3");
    }

    @Test
    void secretsNeverPrintTheirValues() {
        Secrets s = new Secrets(Map.of("password", "hunter2"));
        assertThat(s.toString()).doesNotContain("hunter2").contains("1 redacted");
        assertThat(AccessType.mount("ext4").toString()).doesNotContain("hunter2");
        assertThat(new AccessType.Mount("ext4", java.util.List.of("password=hunter2"), "").toString())
                .doesNotContain("hunter2");
    }
}
