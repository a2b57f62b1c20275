package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.HostCommands;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a device holds, from low-level probing ({@code blkid -p -o export}, no cache). Anything blkid
 * recognises counts as content: a filesystem ({@code TYPE}), a partition table ({@code PTTYPE}), or another
 * signature. blkid also answers "nothing found" for a device it cannot read, so a blank answer is trusted
 * only for a device with a size (checked by the caller).
 */
final class BlkidProbe {

    static final String AMBIVALENT = "ambivalent";
    static final String UNKNOWN = "unknown";
    private static final int NOTHING_FOUND = 2;
    private static final int AMBIVALENT_RESULT = 8;

    private final HostCommands commands;
    private final Duration timeout;

    BlkidProbe(HostCommands commands, Duration timeout) {
        this.commands = commands;
        this.timeout = timeout;
    }

    /** The signature's type, or empty when blkid finds nothing. */
    Either<Failure, Optional<String>> probe(String device) {
        return commands.run(timeout, List.of(), "blkid", "-p", "-o", "export", "--", device).flatMap(result ->
                switch (result.exitCode()) {
                    case 0 -> Either.right(Optional.of(signature(result.stdout())));
                    case NOTHING_FOUND -> Either.right(Optional.empty());
                    // Several signatures that contradict each other: certainly not blank.
                    case AMBIVALENT_RESULT -> Either.right(Optional.of(AMBIVALENT));
                    default -> Either.left(Failure.unavailable(result.describeFailure()));
                });
    }

    private static String signature(String export) {
        Map<String, String> values = new HashMap<>();
        for (String line : export.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String key : List.of("TYPE", "PTTYPE", "USAGE")) {
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
