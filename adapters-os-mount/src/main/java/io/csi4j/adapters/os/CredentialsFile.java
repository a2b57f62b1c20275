package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A mount helper's credentials file ({@code key=value} per line, as mount.cifs reads it), in a directory of its
 * own that only this process's user can enter, the file readable by that user only; created with those modes (never
 * widened afterwards), and removed with its directory by {@link #close()}. Keeps secrets off command lines.
 */
final class CredentialsFile implements AutoCloseable {

    private final Path directory;
    private final Path file;

    private CredentialsFile(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    /** Writes the file under {@code parent}; InvalidArgument (naming no value) when a pair cannot be one line. */
    static Either<Failure, CredentialsFile> write(Path parent, Secrets credentials) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : credentials.reveal().entrySet()) {
            String key = e.getKey();
            if (key.isEmpty() || !key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                    || e.getValue().chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
                return Either.left(Failure.invalidArgument("mount credential '" + (key.matches("\\w{1,32}") ? key : "?")
                        + "' cannot be written as one key=value line"));
            }
            text.append(key).append('=').append(e.getValue()).append('\n');
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory(parent, "csi4j-mount-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = Files.createFile(directory.resolve("credentials"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            return Either.right(new CredentialsFile(directory, file));
        } catch (IOException | UnsupportedOperationException e) {
            new CredentialsFile(directory, directory == null ? null : directory.resolve("credentials")).close();
            return Either.left(Failure.unavailable("cannot write a private credentials file under " + parent + ": "
                    + e.getClass().getSimpleName()));
        }
    }

    Path path() {
        return file;
    }

    /** Removes the file and its directory; quietly, as it runs on every outcome of the mount. */
    @Override
    public void close() {
        for (Path p : new Path[] {file, directory}) {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // The directory is private to this user; a leftover is retried by nothing, but holds no more
                    // than the mount that used it.
                }
            }
        }
    }
}
