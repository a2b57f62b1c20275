package io.csi4j.testnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why the test node cannot run here, if it cannot: it needs root (network namespaces, tap devices, servers on
 * ports below 1024), qemu, the guest kernel and initramfs that {@code test-node/scripts/prepare.sh} builds, and the
 * plugin jar. {@code CSI4J_TEST_NODE=off} turns it off on purpose.
 */
final class Prerequisites {

    private Prerequisites() {}

    static Path workdir() {
        String given = System.getenv("WORKDIR");
        String tmp = Optional.ofNullable(System.getenv("TMPDIR")).orElse("/tmp");
        return Path.of(given != null && !given.isEmpty() ? given : tmp + "/csi4j-test-node");
    }

    static Optional<String> missing() {
        if ("off".equals(System.getenv("CSI4J_TEST_NODE"))) {
            return Optional.of("CSI4J_TEST_NODE=off");
        }
        if (!isRoot()) {
            return Optional.of("the qemu test node needs root (network namespace, tap devices, storage servers)");
        }
        if (onPath("qemu-system-x86_64").isEmpty()) {
            return Optional.of("qemu-system-x86_64 is not installed: run test-node/scripts/prepare.sh as root");
        }
        Path work = workdir();
        try {
            String kver = Files.readString(work.resolve("kver")).strip();
            if (!Files.isRegularFile(work.resolve("vmlinux-" + kver))
                    || !Files.isRegularFile(work.resolve("node-initramfs.cpio.zst"))) {
                return Optional.of("the guest kernel or initramfs is missing in " + work
                        + ": run test-node/scripts/prepare.sh as root");
            }
        } catch (IOException e) {
            return Optional.of("the test node is not prepared in " + work + ": run test-node/scripts/prepare.sh as root");
        }
        if (!Files.isRegularFile(Path.of(System.getProperty("csi4j.jar", "")))) {
            return Optional.of("the plugin jar is not built (" + System.getProperty("csi4j.jar") + ")");
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
