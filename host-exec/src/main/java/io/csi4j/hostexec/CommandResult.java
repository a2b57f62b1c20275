package io.csi4j.hostexec;

/**
 * How a finished command ended.
 *
 * @param command the redacted argv, for messages
 * @param exitCode the exit code
 * @param stdout the start of what it wrote to stdout, secrets masked
 * @param stderr the start of what it wrote to stderr, secrets masked
 */
public record CommandResult(String command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** stderr, or stdout when stderr is empty, folded to one line for a message. */
    public String diagnostics() {
        String text = stderr.isBlank() ? stdout : stderr;
        return text.strip().replaceAll("\\s*\\n\\s*", "; ");
    }

    /** A message naming the command, its exit code and what it said. */
    public String describeFailure() {
        return "`" + command + "` failed (exit " + exitCode + "): " + diagnostics();
    }
}
