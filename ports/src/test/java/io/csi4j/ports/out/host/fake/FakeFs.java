package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.Usage;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake filesystem (a superblock): its entries by path inside it ({@code /} is its root directory), its size,
 * and whether its server is dead. Space figures imitate the real ones closely enough for the contracts: ext*
 * keep some metadata out of the total, every file uses whole 4 KiB blocks and one inode.
 */
final class FakeFs implements FakeData.Signature {

    private static final long BLOCK = 4096;

    final String device;
    final String type;
    final String source;
    final Map<String, FakeNode> nodes = new TreeMap<>();
    final Map<String, Long> groups = new TreeMap<>();
    long size;
    boolean dead;

    FakeFs(String device, String type, String source, long size) {
        this.device = device;
        this.type = type;
        this.source = source;
        this.size = size;
        nodes.put("/", new FakeNode.Dir());
    }

    /** The entry at {@code path} inside this filesystem, or null; throws when the server is dead. */
    FakeNode node(String path) {
        if (dead) {
            throw new FakeFault("the server of " + source + " does not answer");
        }
        return nodes.get(path);
    }

    boolean hasChildren(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        return nodes.keySet().stream().anyMatch(p -> p.startsWith(prefix) && !p.equals(dir));
    }

    Usage usage() {
        if (dead) {
            throw new FakeFault("the server of " + source + " does not answer");
        }
        long total = type.startsWith("ext") ? size / 100 * 95 : size;
        long used = BLOCK * 64;
        for (FakeNode node : nodes.values()) {
            if (node instanceof FakeNode.File file) {
                used += (file.data().size + BLOCK - 1) / BLOCK * BLOCK;
            }
        }
        long inodes = Math.max(1024, size / 16384);
        long usedInodes = nodes.size();
        return new Usage(total, Math.min(used, total), Math.max(0, total - used), inodes, usedInodes,
                inodes - usedInodes);
    }

    static String join(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}
