package io.csi4j.hostexec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds host tools by name in {@code PATH} and the system directories, so that every command runs from an
 * absolute program path and a container's thin {@code PATH} does not hide {@code /sbin} tools.
 */
public final class Executables {

    private static final List<String> SYSTEM_DIRS =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final List<Path> directories;

    public Executables(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** The directories of this process's {@code PATH}, then the system directories. */
    public static Executables fromEnvironment() {
        Set<Path> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && dir.startsWith("/")) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        SYSTEM_DIRS.forEach(dir -> dirs.add(Path.of(dir)));
        return new Executables(List.copyOf(dirs));
    }

    /** The absolute path of the executable {@code name}, if one is installed. */
    public Optional<Path> find(String name) {
        for (Path dir : directories) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public List<Path> directories() {
        return directories;
    }
}
