package io.csi4j.adapters.os;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An external command as an argv (never a shell string) with its time limit and the values that must never
 * appear in messages (mount options can carry credentials).
 */
record Command(List<String> argv, Duration timeout, List<String> secrets) {

    Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        Objects.requireNonNull(timeout, "'timeout' must not be null");
        secrets = secrets.stream().filter(s -> !s.isEmpty()).toList();
    }

    static Command of(Duration timeout, List<String> argv) {
        return new Command(argv, timeout, List.of());
    }

    /** The argv for messages and logs, with every secret replaced. */
    String display() {
        return Redaction.scrub(String.join(" ", argv), secrets);
    }

    /** {@code text} (tool output) with every secret replaced. */
    String scrub(String text) {
        return Redaction.scrub(text, secrets);
    }
}
