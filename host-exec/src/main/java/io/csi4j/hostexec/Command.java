package io.csi4j.hostexec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An external command as an argv (never a shell string) with its time limit and the values that must never
 * appear in messages (mount options can carry credentials).
 */
public record Command(List<String> argv, Duration timeout, List<String> secrets) {

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        Objects.requireNonNull(timeout, "'timeout' must not be null");
        secrets = secrets.stream().filter(s -> !s.isEmpty()).toList();
    }

    public static Command of(Duration timeout, List<String> argv) {
        return new Command(argv, timeout, List.of());
    }

    /** The argv for messages and logs, with every secret replaced. */
    public String display() {
        return Redaction.scrub(String.join(" ", argv), secrets);
    }

    /** {@code text} (tool output) with every secret replaced. */
    public String scrub(String text) {
        return Redaction.scrub(text, secrets);
    }
}
