package io.csi4j.adapters.intelliflash.rest;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the array's certificate is checked: against the JDK's trust store, against the CA in {@code caFile}, or —
 * only when {@code verify} is false, with a warning at start — not at all.
 */
public record TlsSettings(boolean verify, Optional<Path> caFile) {

    public static final TlsSettings DEFAULT = new TlsSettings(true, Optional.empty());

    public TlsSettings {
        caFile = caFile == null ? Optional.empty() : caFile;
    }
}
