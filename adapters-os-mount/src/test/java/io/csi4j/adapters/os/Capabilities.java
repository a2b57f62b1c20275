package io.csi4j.adapters.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** The effective Linux capabilities of this process, from {@code /proc/self/status}. */
final class Capabilities {

    static final int CAP_SYS_RESOURCE = 24;

    private Capabilities() {}

    static Set<Integer> effective() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long mask = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                    Set<Integer> caps = new HashSet<>();
                    for (int bit = 0; bit < 64; bit++) {
                        if ((mask >>> bit & 1) == 1) {
                            caps.add(bit);
                        }
                    }
                    return caps;
                }
            }
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
