package io.csi4j.simulator.hammerspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code GET /files?path=}: a file or directory of the namespace with its children, read from the real tree. A
 * share's {@code .snapshot} directory lists {@code current} (the live view) and one entry per share snapshot. A
 * missing path answers 404, or 500 when the faults say so (the real API does both).
 */
final class FileApi {

    private final Namespace namespace;
    private final Faults faults;

    FileApi(Namespace namespace, Faults faults) {
        this.namespace = namespace;
        this.faults = faults;
    }

    Reply get(Call call) {
        Optional<String> path = call.param("path");
        if (path.isEmpty()) {
            return Reply.error(400, "path is required");
        }
        String ns = trimSlash(path.get());
        Optional<Path> local = namespace.local(ns);
        if (local.isEmpty()) {
            return Reply.error(400, "Path " + path.get() + " is not a valid namespace path");
        }
        Path p = currentView(ns).flatMap(namespace::local).orElse(local.get());
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            int status = faults.missingFileStatus();
            return Reply.error(status, "Path " + path.get() + " not found");
        }
        try {
            Map<String, Object> entry = entry(ns, p);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                List<Map<String, Object>> children = new ArrayList<>();
                if (isShareSnapshotDir(ns)) {
                    children.add(virtualCurrent(ns));
                }
                try (Stream<Path> s = Files.list(p)) {
                    for (Path c : s.sorted(Comparator.comparing(Path::toString)).toList()) {
                        children.add(entry(ns.equals("/") ? "/" + c.getFileName() : ns + "/" + c.getFileName(), c));
                    }
                }
                entry.put("children", children);
                if (call.param("getParentDirSize").map(Boolean::parseBoolean).orElse(false)) {
                    entry.put("size", namespace.usedBytes(p));
                }
            }
            return Reply.ok(entry);
        } catch (IOException e) {
            return Reply.error(500, "Cannot read " + path.get() + ": " + e.getMessage());
        }
    }

    private Map<String, Object> entry(String ns, Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Map<String, Object> m = new LinkedHashMap<>();
        String name = ns.equals("/") ? "" : ns.substring(ns.lastIndexOf('/') + 1);
        m.put("name", name);
        m.put("path", ns);
        m.put("size", a.isRegularFile() ? a.size() : 0);
        m.put("parent", ns.lastIndexOf('/') <= 0 ? "/" : ns.substring(0, ns.lastIndexOf('/')));
        String share = shareOf(ns);
        m.put("shareName", share);
        m.put("sharePath", share.isEmpty() ? "/" : "/" + share);
        // createTime in Unix seconds, as the original plugin reads it
        m.put("createTime", a.creationTime().toMillis() / 1000);
        m.put("isDirectory", a.isDirectory());
        return m;
    }

    private Map<String, Object> virtualCurrent(String ns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "current");
        m.put("path", ns + "/current");
        m.put("size", 0);
        m.put("parent", ns);
        m.put("shareName", shareOf(ns));
        m.put("sharePath", "/" + shareOf(ns));
        m.put("createTime", null);
        return m;
    }

    /** {@code /<share>/.snapshot/current/...} is the live share. */
    private static Optional<String> currentView(String ns) {
        String[] parts = ns.split("/");
        if (parts.length >= 4 && parts[2].equals(Namespace.SNAPSHOT_DIR) && parts[3].equals("current")) {
            StringBuilder b = new StringBuilder("/").append(parts[1]);
            for (int i = 4; i < parts.length; i++) {
                b.append('/').append(parts[i]);
            }
            return Optional.of(b.toString());
        }
        return Optional.empty();
    }

    private static boolean isShareSnapshotDir(String ns) {
        String[] parts = ns.split("/");
        return parts.length == 3 && parts[2].equals(Namespace.SNAPSHOT_DIR);
    }

    static String shareOf(String ns) {
        String[] parts = ns.split("/");
        return parts.length > 1 ? parts[1] : "";
    }

    private static String trimSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
