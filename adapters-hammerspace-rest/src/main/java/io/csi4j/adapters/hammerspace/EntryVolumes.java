package io.csi4j.adapters.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Volumes inside a backing share: a directory ({@code fsType=nfs} with {@code mountBackingShareName}) or a sparse
 * file holding a filesystem or used raw as a block device. The backing share is made on first use, without a size
 * limit. Files are made under a hidden staging name and renamed into place, so a crash never leaves a half-made
 * volume under the real name; restores are the Anvil's own file-snapshot restore into the temporary name, grown to the
 * requested size. The controller never formats: the node makes the filesystem on a blank image when it first
 * stages it, so creates in one backing share run in parallel. There is no REST call that deletes a file: files and
 * directories are removed through the controller's mount of the backing share.
 */
final class EntryVolumes {

    private final Context ctx;
    private final VolumeReader reader;
    private final VolumeView view;
    private final Sources sources;

    EntryVolumes(Context ctx, VolumeReader reader, VolumeView view, Sources sources) {
        this.ctx = ctx;
        this.reader = reader;
        this.view = view;
        this.sources = sources;
    }

    Either<Failure, Volume> create(VolumeSpec spec, VolumeParameters p, Kind kind, List<JsonNode> objectives,
            Optional<Sources.Source> source) {
        String backing = p.backingShare(kind);
        List<JsonNode> onShare = p.objectiveTarget().equals("file") ? List.of() : objectives;
        return ctx.catalog().lastGeneration(spec.name().value()).flatMap(last -> create(spec, p, kind, objectives,
                source, backing, onShare, last + 1));
    }

    private Either<Failure, Volume> create(VolumeSpec spec, VolumeParameters p, Kind kind, List<JsonNode> objectives,
            Optional<Sources.Source> source, String backing, List<JsonNode> onShare, long generation) {
        String name = Names.inBacking(p.volumeNameFormat(), spec.name().value(), backing, generation);
        VolumeHandle h = VolumeHandle.inBacking(backing, name);
        return ctx.shares().ensure(backing, Markers.Role.BACKING, p.comment(), p.exportOptions(), onShare)
                .flatMap(share -> ctx.open(backing).flatMap(root -> {
                    Path target = root.resolve(name);
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        return existing(h, target, spec, kind, generation);
                    }
                    if (kind.isFile() && spec.sizeBytes() > share.space().available()) {
                        return Either.left(Failure.exhausted("backing share " + backing + " has "
                                + share.space().available() + " bytes available, less than the " + spec.sizeBytes()
                                + " asked for"));
                    }
                    return (kind == Kind.DIRECTORY ? makeDirectory(target, source) : makeFile(h, target, spec, source))
                            .flatMap(ok -> fileObjectives(h, p, kind, objectives))
                            .flatMap(ok -> record(h, spec, kind, source, generation));
                }));
    }

    /** Something is at the name: this volume (repeated or to be recorded), or a volume of another kind or size. */
    private Either<Failure, Volume> existing(VolumeHandle h, Path target, VolumeSpec spec, Kind kind, long generation) {
        return ctx.catalog().volume(spec.name().value()).flatMap(record -> {
            boolean directory = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
            if (directory != (kind == Kind.DIRECTORY)) {
                return Either.left(Failure.alreadyExists(h.value() + " exists and is a "
                        + (directory ? "directory" : "file") + ", not a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " volume"));
            }
            if (record.isPresent() && record.get().id().equals(h.value())) {
                return reader.get(h.toId(ctx.name()));
            }
            // made by the original plugin, or by an attempt that stopped before recording it: the same size is the
            // same volume (the original's rule); a directory has no size of its own
            long size = directory ? spec.sizeBytes() : sizeOf(target);
            if (size != spec.sizeBytes()) {
                return Either.left(Failure.alreadyExists(h.value() + " exists with " + size + " bytes, not "
                        + spec.sizeBytes()));
            }
            return record(h, spec, kind, Optional.empty(), generation);
        });
    }

    private Either<Failure, Done> makeDirectory(Path target, Optional<Sources.Source> source) {
        if (source.isEmpty()) {
            return LocalFiles.mkdir(target);
        }
        Path temp = LocalFiles.staging(target);
        return LocalFiles.deleteTree(temp).flatMap(ok -> LocalFiles.mkdir(temp))
                .flatMap(ok -> sources.copyTree(source.get(), temp))
                .flatMap(ok -> move(temp, target))
                .peekLeft(f -> LocalFiles.deleteTree(temp));
    }

    private Either<Failure, Done> makeFile(VolumeHandle h, Path target, VolumeSpec spec, Optional<Sources.Source> source) {
        if (source.isEmpty()) {
            return LocalFiles.createSparse(target, spec.sizeBytes());
        }
        Path temp = LocalFiles.staging(target);
        String tempPath = "/" + h.share() + "/" + temp.getFileName();
        return LocalFiles.deleteTree(temp).flatMap(ok -> sources.restoreFile(source.get(), tempPath))
                .flatMap(ok -> LocalFiles.grow(temp, spec.sizeBytes()))
                .flatMap(ok -> move(temp, target))
                .peekLeft(f -> LocalFiles.deleteTree(temp));
    }

    private Either<Failure, Done> fileObjectives(VolumeHandle h, VolumeParameters p, Kind kind, List<JsonNode> objectives) {
        if (!kind.isFile() || p.objectiveTarget().equals("share")) {
            return Either.right(Done.DONE);
        }
        Either<Failure, Done> r = Either.right(Done.DONE);
        for (JsonNode o : objectives) {
            String objective = o.path("name").asText();
            r = r.flatMap(ok -> ctx.api().objectiveSet(h.share(), h.entry().orElseThrow(), objective));
        }
        return r;
    }

    private Either<Failure, Volume> record(VolumeHandle h, VolumeSpec spec, Kind kind, Optional<Sources.Source> source,
            long generation) {
        VolumeRecord r = new VolumeRecord(spec.name().value(), h.value(), kind, spec.parameters(), spec.sizeBytes(),
                source.map(s -> VolumeView.recorded(s.source())), ctx.clock().millis(), generation);
        return ctx.catalog().put(r).flatMap(ok -> view.build(h, Optional.of(kind), kind == Kind.DIRECTORY ? r.sizeBytes()
                : sizeOf(ctx, h), Optional.of(r)));
    }

    /** The size of the file just made, read through the controller's view of the share. */
    private static long sizeOf(Context ctx, VolumeHandle h) {
        return ctx.open(h.share()).map(root -> sizeOf(root.resolve(h.entry().orElseThrow()))).getOrElse(0L);
    }

    /** Grows a file to {@code size}; a directory's size is only recorded (nothing limits a directory). */
    Either<Failure, Expansion> expand(VolumeReader.Found found, long size) {
        VolumeHandle h = found.handle();
        long current = found.volume().capacityBytes();
        boolean file = found.kind().map(Kind::isFile).orElse(true);
        if (current >= size) {
            return Either.right(new Expansion(current, file));
        }
        if (!file) {
            return found.record().map(r -> ctx.catalog().put(r.withSize(size))).orElse(Either.right(Done.DONE))
                    .map(ok -> new Expansion(size, false));
        }
        return ctx.shares().ready(h.share()).flatMap(share -> {
            if (size - current > share.space().available()) {
                return Either.left(Failure.exhausted("backing share " + h.share() + " has "
                        + share.space().available() + " bytes available, less than the " + (size - current)
                        + " the growth needs"));
            }
            return ctx.open(h.share()).flatMap(root -> LocalFiles.grow(root.resolve(h.entry().orElseThrow()), size))
                    .map(ok -> new Expansion(size, true));
        });
    }

    /** Removes the file or directory; its file snapshots stay (they are deleted with DeleteSnapshot). */
    Either<Failure, Done> delete(VolumeHandle h) {
        return ctx.api().share(h.share()).flatMap(share -> {
            if (share.isEmpty() || share.get().isRemoved()) {
                return Either.right(Done.DONE);
            }
            if (Markers.hasRole(share.get().extendedInfo(), Markers.Role.CATALOG)) {
                return Either.left(Failure.precondition("share " + h.share() + " is the catalog, not a backing share"));
            }
            return ShareProvisioner.usable(share.get()).flatMap(ok -> ctx.open(h.share()))
                    .flatMap(root -> LocalFiles.deleteTree(root.resolve(h.entry().orElseThrow())));
        }).flatMap(ok -> ctx.catalog().removeVolume(h.value()));
    }

    private static Either<Failure, Done> move(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return Either.right(Done.DONE);
        } catch (java.io.IOException e) {
            return Either.left(Failure.unavailable("cannot move " + from + " to " + to + ": " + e.getMessage()));
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
