package io.csi4j.adapters.intelliflash;

import io.csi4j.adapters.intelliflash.rest.RestSettings;
import io.csi4j.domain.id.BackendName;
import java.util.List;
import java.util.Objects;

/**
 * A configured IntelliFlash backend: its name, flavour, the arrays it may place volumes on (in configuration
 * order; the first is the default), CHAP, and the size of a volume when a request names none.
 */
public record IntelliFlashConfig(BackendName name, Flavour flavour, List<ArrayConfig> arrays, Chap chap,
        long defaultSizeBytes, RestSettings rest) {

    public static final long DEFAULT_SIZE = 1L << 30;

    public IntelliFlashConfig {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(flavour, "'flavour' must not be null");
        arrays = List.copyOf(arrays);
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("an IntelliFlash backend needs at least one array");
        }
    }
}
