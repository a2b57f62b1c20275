package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.SnapshotSupport;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots of every kind, deleted by the API that made them: a share snapshot for a share volume, a share
 * snapshot of the backing share for a directory volume (its data is the directory inside it), a file snapshot for
 * a file-backed volume (the original plugin deleted file snapshots with the share-snapshot call, so they leaked
 * and blocked the volume's deletion for ever). The catalog keeps the CO's name and the creation time, so
 * CreateSnapshot is idempotent by name across restarts; ids of snapshots the original plugin made are read from
 * the Anvil alone. Deleting the last snapshot of a share volume that was deleted meanwhile deletes the share.
 */
final class HammerspaceSnapshots implements SnapshotSupport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    private final Context ctx;
    private final VolumeReader reader;
    private final ShareVolumes shareVolumes;
    private final SnapshotListing listing;

    HammerspaceSnapshots(Context ctx, VolumeReader reader, ShareVolumes shareVolumes) {
        this.ctx = ctx;
        this.reader = reader;
        this.shareVolumes = shareVolumes;
        this.listing = new SnapshotListing(ctx, this::snapshot);
    }

    /** Hammerspace snapshots take no parameters besides the informative Kubernetes ones. */
    @Override
    public Either<Failure, Parameters> validate(Parameters parameters) {
        Set<String> unknown = parameters.unknownKeys(Set.of());
        return unknown.isEmpty() ? Either.right(parameters)
                : Either.left(Failure.invalidArgument("snapshot parameter '" + Printable.of(unknown.iterator().next())
                        + "' is not known to the Hammerspace backend (it takes none)"));
    }

    @Override
    public Either<Failure, Optional<Snapshot>> findByName(SnapshotName name) {
        return ctx.catalog().snapshot(name.value()).flatMap(r -> r.isEmpty() ? Either.right(Optional.empty())
                : live(r.get()).map(ok -> ok ? Optional.of(snapshot(r.get())) : Optional.empty()));
    }

    @Override
    public Either<Failure, Snapshot> create(SnapshotName name, VolumeId source, Parameters parameters, Secrets secrets) {
        return validate(parameters).flatMap(p -> ctx.catalog().snapshot(name.value())).flatMap(existing -> {
            if (existing.isPresent()) {
                if (!existing.get().sourceVolumeId().equals(source.value())) {
                    return Either.left(Failure.alreadyExists("snapshot '" + name.value() + "' exists for volume "
                            + existing.get().sourceVolumeId()));
                }
                Either<Failure, Boolean> live = live(existing.get());
                if (live.isLeft() || live.get()) {
                    return live.map(ok -> snapshot(existing.get()));
                }
            }
            return reader.find(source).flatMap(found -> cut(found).flatMap(h -> {
                long created = stamp(h.snapshot()).map(Instant::toEpochMilli).orElse(ctx.clock().millis());
                SnapshotRecord r = new SnapshotRecord(name.value(), h.value(), source.value(),
                        found.volume().capacityBytes(), created);
                return ctx.catalog().put(r).map(ok -> snapshot(r));
            }));
        });
    }

    private Either<Failure, SnapshotHandle> cut(VolumeReader.Found found) {
        VolumeHandle v = found.handle();
        if (v.isShare()) {
            return ctx.api().createShareSnapshot(v.share()).map(n -> new SnapshotHandle(SnapshotHandle.Form.SHARE, n, v));
        }
        if (found.kind().equals(Optional.of(Kind.DIRECTORY))) {
            return ctx.api().createShareSnapshot(v.share())
                    .map(n -> new SnapshotHandle(SnapshotHandle.Form.BACKING_SHARE, n, v));
        }
        return ctx.api().createFileSnapshot(v.path()).flatMap(path -> SnapshotHandle.timestampOf(path,
                        v.entry().orElseThrow())
                .<Either<Failure, SnapshotHandle>>map(ts -> Either.right(new SnapshotHandle(SnapshotHandle.Form.FILE, ts,
                        v)))
                .orElseGet(() -> Either.left(Failure.defect("Hammerspace named the file snapshot of " + v.path() + " '"
                        + Printable.of(path) + "', which is not <dir>/.fsnapshot/<file>/<time>"))));
    }

    @Override
    public Either<Failure, Snapshot> get(SnapshotId id) {
        Optional<SnapshotHandle> h = SnapshotHandle.of(ctx.name(), id);
        if (h.isEmpty()) {
            return Either.left(notFound(id));
        }
        return SnapshotCuts.exists(ctx, h.get()).flatMap(exists -> {
            if (!exists) {
                return Either.left(notFound(id));
            }
            return ctx.catalog().snapshotById(h.get().value()).flatMap(r -> r.isPresent()
                    ? Either.right(snapshot(r.get())) : foreign(h.get(), id));
        });
    }

    /** A snapshot the catalog does not know (the original plugin's): read from the Anvil alone. */
    private Either<Failure, Snapshot> foreign(SnapshotHandle h, SnapshotId id) {
        Either<Failure, Long> size = h.form() == SnapshotHandle.Form.FILE ? SnapshotCuts.fileSize(ctx, h)
                : ctx.api().share(h.source().share()).map(s -> s.flatMap(x -> x.sizeLimit().isPresent()
                        ? Optional.of(x.sizeLimit().getAsLong()) : Optional.empty()).orElse(0L));
        return size.map(bytes -> new Snapshot(id, Optional.empty(), h.source().toId(ctx.name()),
                h.form() == SnapshotHandle.Form.BACKING_SHARE ? 0 : bytes,
                stamp(h.snapshot()).orElse(Instant.EPOCH), true));
    }

    @Override
    public Either<Failure, Done> delete(SnapshotId id, Secrets secrets) {
        Optional<SnapshotHandle> parsed = SnapshotHandle.of(ctx.name(), id);
        if (parsed.isEmpty()) {
            return Either.right(Done.DONE);
        }
        SnapshotHandle h = parsed.get();
        Either<Failure, Done> gone = switch (h.form()) {
            case SHARE -> ctx.api().deleteShareSnapshot(h.source().share(), h.snapshot())
                    .flatMap(ok -> removeRetiredShare(h.source().share()));
            case BACKING_SHARE -> ctx.api().deleteShareSnapshot(h.source().share(), h.snapshot());
            case FILE -> ctx.api().deleteFileSnapshot(h.source().path(), h.snapshot());
        };
        return gone.flatMap(ok -> ctx.catalog().removeSnapshot(h.value()));
    }

    /** A share kept only for its snapshots goes with the last of them. */
    private Either<Failure, Done> removeRetiredShare(String share) {
        return ctx.api().share(share).flatMap(s -> {
            if (s.isEmpty() || !s.get().extendedInfo().containsKey(Markers.RETIRED) || s.get().isRemoved()) {
                return Either.right(Done.DONE);
            }
            return ctx.api().shareSnapshots(share).flatMap(left -> left.orElse(List.of()).isEmpty()
                    ? shareVolumes.remove(s.get()) : Either.right(Done.DONE));
        });
    }

    @Override
    public Either<Failure, Page<Snapshot>> list(Optional<VolumeId> source, PageRequest request) {
        return listing.list(source, request);
    }

    private Either<Failure, Boolean> live(SnapshotRecord r) {
        return SnapshotHandle.parse(r.id()).map(h -> SnapshotCuts.exists(ctx, h)).orElse(Either.right(false));
    }

    private Snapshot snapshot(SnapshotRecord r) {
        return new Snapshot(SnapshotId.foreign(ctx.name(), r.id()), Optional.of(new SnapshotName(r.name())),
                VolumeId.foreign(ctx.name(), r.sourceVolumeId()), r.sizeBytes(), Instant.ofEpochMilli(r.createdMillis()),
                true);
    }

    /** The UTC time at the start of a snapshot name or timestamp ({@code 2026-10-01T15-25-39-...}). */
    static Optional<Instant> stamp(String name) {
        if (name.length() < 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(name.substring(0, 19), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Failure notFound(SnapshotId id) {
        return Failure.notFound("snapshot " + id.value() + " does not exist");
    }

    @Override
    public Optional<SnapshotId> recogniseForeignId(String raw) {
        return SnapshotHandle.parse(raw).map(h -> SnapshotId.foreign(ctx.name(), raw));
    }
}
