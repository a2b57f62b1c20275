package io.csi4j.bootstrap.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything under a directory as sorted lines {@code <relative path> <type> <size>}: two equal listings mean
 * nothing was created, removed, resized or retyped there in between.
 */
public final class DiskTree {

    private DiskTree() {}

    public static List<String> of(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.equals(root)).map(p -> line(root, p)).sorted().toList();
        }
    }

    /** How many entries a directory holds (0 when it does not exist). */
    public static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }

    /** Removes a file or a whole tree, as a crash or an operator might; nothing happens when it is absent. */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String line(Path root, Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                return root.relativize(p) + " link " + Files.readSymbolicLink(p);
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return root.relativize(p) + " dir";
            }
            return root.relativize(p) + " file " + Files.size(p);
        } catch (IOException e) {
            // A file removed while we walk is itself a change worth seeing in the comparison.
            return root.relativize(p) + " vanished";
        }
    }
}
