package io.csi4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "io..csi4j", "io.csi4j.", ".io", "1io.csi4j", "io.csi-4j", "io csi4j"})
    void aBasePackageMustBeAJavaPackageName(String base) {
        assertThatIllegalArgumentException().isThrownBy(() -> Csi4jArchitecture.of(base)).withMessageContaining(base);
    }

    @Test
    void aBasePackageIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> Csi4jArchitecture.of(null));
    }

    @Test
    void everyPartLivesUnderTheBase() {
        Layout layout = new Layout("com.example.csi");

        assertThat(layout.domain()).isEqualTo("com.example.csi.domain..");
        assertThat(layout.services()).isEqualTo("com.example.csi.ports.service..");
        assertThat(layout.eachAdapter()).isEqualTo("com.example.csi.adapters.(*)..");
        assertThat(layout.csiMessages()).isEqualTo("com.example.csi.csi..");
        assertThat(layout.hostExec()).isEqualTo("com.example.csi.hostexec..");
    }
}
