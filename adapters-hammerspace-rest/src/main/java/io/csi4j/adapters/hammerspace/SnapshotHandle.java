package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A snapshot id in the original plugin's form {@code <hsSnapshot>|<sourceVolumeId>}, and which REST calls it
 * names:
 * <ul>
 *   <li>{@code <name>|/<share>}: share snapshot {@code name} of a share volume;</li>
 *   <li>{@code <timestamp>|/<backing>/<file>}: file snapshot {@code /<backing>/.fsnapshot/<file>/<timestamp>}
 *       (issued: the original's full path form, accepted too, does not fit CSI's 128 bytes for typical names);</li>
 *   <li>{@code /<path>|/<backing>/<file>}: the original's file snapshot form, with the snapshot's full path;</li>
 *   <li>{@code <name>|/<backing>/<dir>|share}: share snapshot {@code name} of the backing share, taken for a
 *       directory volume (its data is {@code /<backing>/.snapshot/<name>/<dir>}).</li>
 * </ul>
 */
record SnapshotHandle(Form form, String snapshot, VolumeHandle source) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._:+-]*");
    static final String DIRECTORY_SUFFIX = "|share";
    static final String FILE_SNAPSHOT_DIR = ".fsnapshot";

    /** What kind of snapshot the id names. */
    enum Form {
        SHARE,
        FILE,
        BACKING_SHARE
    }

    static Optional<SnapshotHandle> parse(String raw) {
        if (raw == null || raw.length() > 128) {
            return Optional.empty();
        }
        boolean directory = raw.endsWith(DIRECTORY_SUFFIX);
        String body = directory ? raw.substring(0, raw.length() - DIRECTORY_SUFFIX.length()) : raw;
        int bar = body.indexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        String left = body.substring(0, bar);
        Optional<VolumeHandle> source = VolumeHandle.parse(body.substring(bar + 1));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        VolumeHandle v = source.get();
        if (directory) {
            return !v.isShare() && NAME.matcher(left).matches()
                    ? Optional.of(new SnapshotHandle(Form.BACKING_SHARE, left, v)) : Optional.empty();
        }
        if (v.isShare()) {
            return NAME.matcher(left).matches() ? Optional.of(new SnapshotHandle(Form.SHARE, left, v)) : Optional.empty();
        }
        if (left.startsWith("/")) {
            // the original's full path: it must be a snapshot of this very file
            String prefix = "/" + v.share() + "/" + FILE_SNAPSHOT_DIR + "/" + v.entry().orElseThrow() + "/";
            String ts = left.startsWith(prefix) ? left.substring(prefix.length()) : "";
            return NAME.matcher(ts).matches() ? Optional.of(new SnapshotHandle(Form.FILE, ts, v)) : Optional.empty();
        }
        return NAME.matcher(left).matches() ? Optional.of(new SnapshotHandle(Form.FILE, left, v)) : Optional.empty();
    }

    static Optional<SnapshotHandle> of(BackendName backend, SnapshotId id) {
        if (!id.foreign() || !id.backend().equals(backend)) {
            return Optional.empty();
        }
        return parse(id.handle());
    }

    /** The timestamp a file snapshot path ends with; the layout {@code <dir>/.fsnapshot/<file>/<ts>} or, in some
     * versions, {@code <dir>/.fsnapshot/<ts>/<file>}. */
    static Optional<String> timestampOf(String snapshotPath, String file) {
        String[] parts = snapshotPath.split("/");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String last = parts[parts.length - 1];
        String ts = last.equals(file) ? parts[parts.length - 2] : last;
        return NAME.matcher(ts).matches() ? Optional.of(ts) : Optional.empty();
    }

    /** The id issued for this snapshot (compact file form). */
    String value() {
        return switch (form) {
            case SHARE, FILE -> snapshot + "|" + source.value();
            case BACKING_SHARE -> snapshot + "|" + source.value() + DIRECTORY_SUFFIX;
        };
    }

    SnapshotId toId(BackendName backend) {
        return SnapshotId.foreign(backend, value());
    }

    /** The namespace path of a file snapshot. */
    String filePath() {
        return "/" + source.share() + "/" + FILE_SNAPSHOT_DIR + "/" + source.entry().orElseThrow() + "/" + snapshot;
    }
}
