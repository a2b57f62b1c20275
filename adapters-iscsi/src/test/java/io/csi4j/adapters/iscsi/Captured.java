package io.csi4j.adapters.iscsi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Tool output captured on a real node (the qemu test node: open-iscsi 2.1.8, multipath-tools 0.9.4, tgt 1.0.85
 * as the target); {@code test-node/scripts/capture-iscsi-outputs.sh} captures them again.
 */
final class Captured {

    private Captured() {}

    static String text(String name) {
        try (InputStream in = Captured.class.getResourceAsStream("/captured/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no captured output " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
