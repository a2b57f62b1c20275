package io.csi4j.simulator.hammerspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Share snapshots ({@code /share-snapshots/...}) and file snapshots ({@code /file-snapshots/...}). Both are real
 * copies in the tree: a share snapshot is {@code <share>/.snapshot/<name>/}, a file snapshot is
 * {@code <dir>/.fsnapshot/<file>/<timestamp>} (the layout a real Anvil showed). Restoring a file snapshot copies
 * it to the destination, keeping the snapshot's size.
 */
final class SnapshotApi {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    private final Shares shares;
    private final Namespace namespace;
    private final Clock clock;
    private final boolean quotedNames;

    SnapshotApi(Shares shares, Namespace namespace, Clock clock, boolean quotedNames) {
        this.shares = shares;
        this.namespace = namespace;
        this.clock = clock;
        this.quotedNames = quotedNames;
    }

    // ---- share snapshots ---------------------------------------------------------------------------------------

    Reply createShareSnapshot(String share, Call call) throws IOException {
        Optional<Share> s = shares.get(share);
        if (s.isEmpty() || !s.get().isLive(shares.now())) {
            return Reply.error(404, "Share " + share + " not found");
        }
        Path dir = namespace.share(share).resolve(Namespace.SNAPSHOT_DIR);
        String name;
        synchronized (this) {
            Files.createDirectories(dir);
            name = call.param("snapshot-name").filter(n -> !n.isBlank()).orElseGet(() -> uniqueName(dir));
            if (Files.exists(dir.resolve(name)) || ShareApi.badName(name).isPresent()) {
                return Reply.error(400, "Snapshot " + name + " cannot be created");
            }
            Files.createDirectory(dir.resolve(name));
        }
        Namespace.copyTree(namespace.share(share), dir.resolve(name), p -> p.getFileName().toString()
                .equals(Namespace.SNAPSHOT_DIR) || p.getFileName().toString().equals(Namespace.FILE_SNAPSHOT_DIR));
        return quotedNames ? Reply.text(200, "\"" + name + "\"") : Reply.text(200, name);
    }

    Reply listShareSnapshots(String share) throws IOException {
        if (shares.get(share).isEmpty()) {
            return Reply.error(404, "Share " + share + " not found");
        }
        List<String> names = new ArrayList<>();
        names.add("current");
        names.addAll(snapshotNames(share));
        return Reply.ok(names);
    }

    Reply deleteShareSnapshot(String share, String snapshot) throws IOException {
        if (shares.get(share).isEmpty()) {
            return Reply.error(404, "Share " + share + " not found");
        }
        Path p = namespace.share(share).resolve(Namespace.SNAPSHOT_DIR).resolve(snapshot);
        if (snapshot.equals("current") || ShareApi.badName(snapshot).isPresent() || !Files.isDirectory(p)) {
            return Reply.error(404, "Snapshot " + snapshot + " of share " + share + " not found");
        }
        Namespace.delete(p);
        return Reply.empty(200);
    }

    List<String> snapshotNames(String share) throws IOException {
        Path dir = namespace.share(share).resolve(Namespace.SNAPSHOT_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String uniqueName(Path dir) {
        String second = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).format(SECOND);
        for (int n = 0; ; n++) {
            if (!Files.exists(dir.resolve(second + "-" + n))) {
                return second + "-" + n;
            }
        }
    }

    // ---- file snapshots ----------------------------------------------------------------------------------------

    Reply createFileSnapshot(Call call) throws IOException {
        Optional<List<Path>> files = matching(call.param("filename-expression"));
        if (files.isEmpty()) {
            return Reply.error(400, "filename-expression is missing or not a namespace path");
        }
        if (files.get().isEmpty()) {
            return Reply.error(404, "No file matches " + call.param("filename-expression").orElse(""));
        }
        List<String> made = new ArrayList<>();
        for (Path f : files.get()) {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return Reply.error(400, nsPath(f) + " is not a regular file");
            }
            Path snapDir = f.getParent().resolve(Namespace.FILE_SNAPSHOT_DIR).resolve(f.getFileName().toString());
            Path target;
            synchronized (this) {
                Files.createDirectories(snapDir);
                target = snapDir.resolve(uniqueTimestamp(snapDir));
                Files.createFile(target);
            }
            Namespace.copySparse(f, target);
            made.add(nsPath(target));
        }
        return Reply.ok(made);
    }

    Reply listFileSnapshots(Call call) throws IOException {
        Optional<List<Path>> sources = snapshotSources(call.param("filename-expression"));
        if (sources.isEmpty()) {
            return Reply.error(400, "filename-expression is missing or not a namespace path");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path snapDir : sources.get()) {
            String source = nsPath(snapDir.getParent().getParent().resolve(snapDir.getFileName().toString()));
            for (String ts : children(snapDir)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sourceFilename", source);
                m.put("time", ts);
                out.add(m);
            }
        }
        return Reply.ok(out);
    }

    Reply deleteFileSnapshots(Call call) throws IOException {
        Optional<String> expr = call.param("filename-expression");
        Optional<List<Path>> sources = snapshotSources(expr);
        String when = call.param("date-time-expression").orElse("");
        if (sources.isEmpty() || when.isEmpty()) {
            return Reply.error(400, "filename-expression and date-time-expression are required");
        }
        int deleted = 0;
        for (Path snapDir : sources.get()) {
            for (String ts : children(snapDir)) {
                if (ts.startsWith(when)) {
                    Files.deleteIfExists(snapDir.resolve(ts));
                    deleted++;
                }
            }
            if (Files.isDirectory(snapDir) && children(snapDir).isEmpty()) {
                Files.deleteIfExists(snapDir);
            }
        }
        if (deleted == 0) {
            return Reply.text(400, "No snapshots found for path " + expr.orElse("") + " and time " + when);
        }
        return Reply.empty(200);
    }

    /** POST /file-snapshots/{snapshot}/{destination}: a copy of the snapshot at the destination path. */
    Reply restoreFileSnapshot(String snapshot, String destination) throws IOException {
        Optional<Path> snap = namespace.local(snapshot);
        Optional<Path> dest = namespace.local(destination);
        if (snap.isEmpty() || dest.isEmpty() || !snapshot.contains("/" + Namespace.FILE_SNAPSHOT_DIR + "/")) {
            return Reply.error(400, "Snapshot and destination must be namespace paths of a file snapshot and a file");
        }
        if (!Files.isRegularFile(snap.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Reply.error(404, "File snapshot " + snapshot + " not found");
        }
        if (!Files.isDirectory(dest.get().getParent())) {
            return Reply.error(404, "Directory of " + destination + " not found");
        }
        if (Files.isDirectory(dest.get())) {
            return Reply.error(400, destination + " is a directory");
        }
        Namespace.copySparse(snap.get(), dest.get());
        return Reply.empty(200);
    }

    /** Files named by a path or a {@code dir/*} glob; empty for a malformed expression. */
    private Optional<List<Path>> matching(Optional<String> expression) throws IOException {
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        String e = expression.get();
        if (e.endsWith("/*")) {
            Optional<Path> dir = namespace.local(e.substring(0, e.length() - 2));
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            if (!Files.isDirectory(dir.get())) {
                return Optional.of(List.of());
            }
            try (Stream<Path> s = Files.list(dir.get())) {
                return Optional.of(s.filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList());
            }
        }
        Optional<Path> p = namespace.local(e);
        return p.map(x -> Files.exists(x, LinkOption.NOFOLLOW_LINKS) ? List.of(x) : List.of());
    }

    /** The {@code .fsnapshot/<file>} directories for a path or a {@code dir/*} glob (the file itself may be gone). */
    private Optional<List<Path>> snapshotSources(Optional<String> expression) throws IOException {
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        String e = expression.get();
        if (e.endsWith("/*")) {
            Optional<Path> dir = namespace.local(e.substring(0, e.length() - 2));
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            Path base = dir.get().resolve(Namespace.FILE_SNAPSHOT_DIR);
            List<Path> out = new ArrayList<>();
            for (String f : children(base)) {
                out.add(base.resolve(f));
            }
            return Optional.of(out);
        }
        Optional<Path> p = namespace.local(e);
        if (p.isEmpty() || p.get().getParent() == null) {
            return Optional.empty();
        }
        Path snapDir = p.get().getParent().resolve(Namespace.FILE_SNAPSHOT_DIR).resolve(p.get().getFileName().toString());
        return Optional.of(Files.isDirectory(snapDir) ? List.of(snapDir) : List.of());
    }

    private static List<String> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String uniqueTimestamp(Path dir) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        String base = now.format(SECOND) + "-" + String.format("%04d", now.getNano() / 1_000_000);
        for (int n = 0; ; n++) {
            if (!Files.exists(dir.resolve(base + "-" + n))) {
                return base + "-" + n;
            }
        }
    }

    private String nsPath(Path local) {
        return "/" + namespace.root().relativize(local).toString();
    }
}
