package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what {@code Mounter.mount} passes to mount(8). Options that would turn a plain mount into a bind,
 * move or remount are refused: with them a source path could be any host directory, which would escape the
 * allowed roots ({@code Mounter.bind} confines both ends instead).
 */
final class MountOptions {

    private static final Pattern FS_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final Set<String> FORBIDDEN = Set.of("bind", "rbind", "move", "remount");

    private MountOptions() {}

    static Either<Failure, List<String>> check(String source, String fsType, List<String> options) {
        if (source == null || source.isBlank() || source.indexOf('\0') >= 0) {
            return invalid("mount source must be a non-empty string without NUL");
        }
        if (fsType == null || !FS_TYPE.matcher(fsType).matches()) {
            return invalid("filesystem type must be a plain name such as ext4 or nfs4, got: " + fsType);
        }
        if (options == null) {
            return invalid("mount options must not be null");
        }
        for (String option : options) {
            // The option text itself is never echoed: it may be a credential.
            if (option == null || option.isEmpty() || option.indexOf(',') >= 0 || option.indexOf('\0') >= 0) {
                return invalid("every mount option must be one non-empty option without ',' or NUL");
            }
            String key = option.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (FORBIDDEN.contains(key) || key.startsWith("make-") || key.startsWith("x-mount.")) {
                return invalid("mount option '" + key + "' is not allowed here; use bind() for bind mounts");
            }
        }
        return Either.right(List.copyOf(options));
    }

    private static Either<Failure, List<String>> invalid(String message) {
        return Either.left(Failure.invalidArgument(message));
    }
}
