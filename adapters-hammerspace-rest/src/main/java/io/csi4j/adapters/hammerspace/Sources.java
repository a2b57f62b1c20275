package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.volume.ContentSource;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Copies a content source into a new volume, so that restores and clones really carry data (the original plugin
 * restored share snapshots into empty shares). Trees (share and directory volumes) are copied through the
 * controller's mounts from the snapshot's {@code .snapshot/<name>} directory; a clone first cuts a temporary share
 * snapshot, so it copies one point in time, and deletes it afterwards. Files (file-backed volumes) are copied by
 * the Anvil itself with a file-snapshot restore; a clone cuts a temporary file snapshot the same way. A source of
 * the other family (a file image into a tree, or a tree into an image) is InvalidArgument.
 */
final class Sources {

    private final Context ctx;
    private final VolumeReader reader;

    Sources(Context ctx, VolumeReader reader) {
        this.ctx = ctx;
        this.reader = reader;
    }

    /** A checked source: where its data is and of which family. */
    record Source(ContentSource source, Optional<SnapshotHandle> snapshot, Optional<VolumeReader.Found> volume,
            boolean isFile) {}

    /** Checks that the source exists (NotFound otherwise) and suits the target kind (InvalidArgument otherwise). */
    Either<Failure, Optional<Source>> check(Optional<ContentSource> source, Kind target) {
        if (source.isEmpty()) {
            return Either.right(Optional.empty());
        }
        Either<Failure, Source> checked = switch (source.get()) {
            case ContentSource.FromSnapshot s -> snapshot(s);
            case ContentSource.FromVolume v -> reader.find(v.volumeId()).mapLeft(f -> f instanceof Failure.NotFound
                    ? Failure.notFound("source volume " + v.volumeId().value() + " does not exist") : f)
                    .map(found -> new Source(v, Optional.empty(), Optional.of(found),
                            !found.handle().isShare() && found.kind().map(Kind::isFile).orElse(true)));
        };
        return checked.flatMap(s -> s.isFile() == target.isFile() ? Either.right(Optional.of(s))
                : Either.left(Failure.invalidArgument("the content source " + source.get().sourceId() + " holds a "
                        + (s.isFile() ? "filesystem image" : "directory tree") + ", which a " + target.name()
                        .toLowerCase(java.util.Locale.ROOT) + " volume cannot be made from")));
    }

    private Either<Failure, Source> snapshot(ContentSource.FromSnapshot s) {
        SnapshotId id = s.snapshotId();
        Optional<SnapshotHandle> h = SnapshotHandle.of(ctx.name(), id);
        if (h.isEmpty()) {
            return Either.left(Failure.notFound("snapshot " + id.value() + " does not exist"));
        }
        return SnapshotCuts.exists(ctx, h.get()).flatMap(exists -> exists
                ? Either.right(new Source(s, h, Optional.empty(), h.get().form() == SnapshotHandle.Form.FILE))
                : Either.left(Failure.notFound("snapshot " + id.value() + " does not exist")));
    }

    /** Copies a tree source into {@code target} (a directory that exists). */
    Either<Failure, Done> copyTree(Source s, Path target) {
        if (s.snapshot().isPresent()) {
            return treeOf(s.snapshot().get()).flatMap(from -> LocalFiles.copyTree(from, target, Sources::hidden));
        }
        VolumeHandle v = s.volume().orElseThrow().handle();
        String share = v.share();
        return ctx.api().createShareSnapshot(share).flatMap(temp -> {
            SnapshotHandle h = new SnapshotHandle(v.isShare() ? SnapshotHandle.Form.SHARE
                    : SnapshotHandle.Form.BACKING_SHARE, temp, v);
            Either<Failure, Done> copied = treeOf(h).flatMap(from -> LocalFiles.copyTree(from, target, Sources::hidden));
            Either<Failure, Done> dropped = ctx.api().deleteShareSnapshot(share, temp);
            return copied.flatMap(ok -> dropped);
        });
    }

    /** The local directory holding a share snapshot's tree for the volume it was cut for. */
    private Either<Failure, Path> treeOf(SnapshotHandle h) {
        return ctx.open(h.source().share()).flatMap(root -> {
            Path snap = root.resolve(".snapshot").resolve(h.snapshot());
            Path tree = h.form() == SnapshotHandle.Form.BACKING_SHARE ? snap.resolve(h.source().entry().orElseThrow())
                    : snap;
            return Files.isDirectory(tree) ? Either.right(tree)
                    : Either.left(Failure.notFound("snapshot " + h.value() + " holds no data at " + tree));
        });
    }

    /**
     * Restores a file source to the namespace path {@code destination} with the Anvil's file-snapshot restore; for a
     * volume source through a temporary file snapshot that is deleted afterwards.
     */
    Either<Failure, Done> restoreFile(Source s, String destination) {
        if (s.snapshot().isPresent()) {
            return ctx.api().restoreFileSnapshot(s.snapshot().get().filePath(), destination);
        }
        VolumeHandle v = s.volume().orElseThrow().handle();
        return ctx.api().createFileSnapshot(v.path()).flatMap(path -> {
            Either<Failure, Done> restored = ctx.api().restoreFileSnapshot(path, destination);
            Optional<String> ts = SnapshotHandle.timestampOf(path, v.entry().orElseThrow());
            Either<Failure, Done> dropped = ts.map(t -> ctx.api().deleteFileSnapshot(v.path(), t))
                    .orElse(Either.right(Done.DONE));
            return restored.flatMap(ok -> dropped);
        });
    }

    /** Entries a copy leaves out: the Anvil's snapshot directories and this driver's temporary files. */
    static boolean hidden(Path p) {
        String n = p.getFileName().toString();
        return n.equals(".snapshot") || n.equals(SnapshotHandle.FILE_SNAPSHOT_DIR);
    }
}
