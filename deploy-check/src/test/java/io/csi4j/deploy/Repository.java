package io.csi4j.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The csi4j source tree these checks read: deploy/kubernetes, deploy/docker, and the jar bootstrap built. */
final class Repository {

    private Repository() {}

    /** The root of the source tree (Maven passes it; from an IDE the working directory's parents are searched). */
    static Path root() {
        String given = System.getProperty("csi4j.repository");
        if (given != null) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/kubernetes"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the csi4j source tree (no deploy/kubernetes above "
                + Path.of("").toAbsolutePath() + "); set -Dcsi4j.repository");
    }

    static Path kubernetes() {
        return root().resolve("deploy/kubernetes");
    }

    /** Every overlay directory, so that a new overlay is checked without touching the tests. */
    static List<Path> overlays() {
        return subdirectories(kubernetes().resolve("overlays"));
    }

    /** The examples of one backend, named like its overlay. */
    static Path examples(String backend) {
        return kubernetes().resolve("examples").resolve(backend);
    }

    static List<Path> subdirectories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
