package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.ArrayPaths;
import io.csi4j.adapters.intelliflash.array.DatasetKind;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finding, recording and deleting the datasets (shares or volumes) of one backend, by their ids. Deletion keeps
 * CSI's promise that snapshots outlive their volume (§3.3): the array cannot delete a dataset and keep its
 * snapshots, so a dataset with snapshots is withdrawn and marked deleted, and removed together with its last
 * snapshot. Removing a clone of a volume also removes the temporary snapshot the clone was made from, so no
 * snapshot is left behind.
 */
public final class Datasets {

    /** Chains of withdrawn datasets are short; this bounds the cascade against a corrupt record. */
    private static final int MAX_CASCADE = 16;

    private final Arrays arrays;
    private final DatasetKind kind;
    private final Withdrawal withdrawal;

    public Datasets(Arrays arrays, DatasetKind kind, Withdrawal withdrawal) {
        this.arrays = arrays;
        this.kind = kind;
        this.withdrawal = withdrawal;
    }

    public DatasetKind kind() {
        return kind;
    }

    public Arrays arrays() {
        return arrays;
    }

    /** The array and pool of a reference; empty when the array is not configured or has no such project. */
    public Either<Failure, Optional<Located>> locate(DatasetRef ref) {
        Optional<Array> array = arrays.named(ref.configName());
        if (array.isEmpty()) {
            return Either.right(Optional.empty());
        }
        Either<Failure, String> pool = array.get().poolOf(ref.project());
        if (pool.isLeft()) {
            return pool.getLeft() instanceof Failure.NotFound ? Either.right(Optional.empty()) : Either.left(pool.getLeft());
        }
        return Either.right(Optional.of(new Located(array.get(), pool.get(), ref)));
    }

    /** The dataset behind a reference, hidden ones included; empty when it does not exist. */
    public Either<Failure, Optional<Found>> find(DatasetRef ref) {
        return locate(ref).flatMap(at -> at.isEmpty() ? Either.right(Optional.empty()) : find(at.get(), at.get().array().api()));
    }

    public Either<Failure, Optional<Found>> find(Located at, ArrayApi api) {
        return Rest.optional(api.get(kind, at.path()), "reading " + at.ref())
                .map(info -> info.filter(i -> i.kind() == kind)
                        .map(i -> new Found(at, i, Metadata.read(i.purpose()))));
    }

    /** The dataset behind a reference unless the CO deleted it; NotFound otherwise. */
    public Either<Failure, Found> visible(DatasetRef ref) {
        return find(ref).flatMap(f -> f.filter(x -> !x.hidden()).<Either<Failure, Found>>map(Either::right)
                .orElseGet(() -> Either.left(Failure.notFound("volume " + ref + " does not exist"))));
    }

    /** Writes csi4j's record into the dataset's purpose, with {@code also} (other properties) in the same call. */
    public Either<Failure, Done> record(ArrayApi api, Located at, Metadata meta, Map<String, Object> also) {
        Map<String, Object> changes = new LinkedHashMap<>(also);
        changes.put("purpose", meta.write());
        return Rest.done(api.modify(kind, at.path(), changes), "recording " + at.ref());
    }

    /** Stored names of a dataset's snapshots. */
    public Either<Failure, List<String>> snapshotNames(ArrayApi api, Located at) {
        return Rest.ok(api.snapshots(at.path(), ""), "listing the snapshots of " + at.ref());
    }

    /** CSI DeleteVolume on the array: Done when absent or already deleted. */
    public Either<Failure, Done> delete(DatasetRef ref, Secrets secrets) {
        Optional<Array> array = arrays.named(ref.configName());
        if (array.isEmpty()) {
            return Either.right(Done.DONE);
        }
        ArrayApi api = array.get().api(secrets);
        return locate(ref).flatMap(at -> at.isEmpty() ? Either.right(Optional.<Found>empty()) : find(at.get(), api))
                .flatMap(found -> {
                    if (found.isEmpty() || found.get().hidden()) {
                        return Either.right(Done.DONE);
                    }
                    Found f = found.get();
                    return snapshotNames(api, f.at()).flatMap(snaps -> snaps.isEmpty()
                            ? remove(api, f, 0)
                            : withdrawal.withdraw(api, f).flatMap(x -> record(api, f.at(), f.metaOrBlank().markedDeleted(),
                                    Map.of())));
                });
    }

    private Either<Failure, Done> remove(ArrayApi api, Found f, int depth) {
        return Rest.gone(api.delete(kind, f.at().path()), "deleting " + f.at().ref())
                .flatMap(x -> f.meta().map(Metadata::tempSnapshot).filter(t -> !t.isEmpty())
                        .flatMap(SnapshotRef::parse)
                        .map(temp -> releaseSnapshot(api, temp, depth))
                        .orElseGet(() -> Either.right(Done.DONE)));
    }

    /**
     * Deletes a snapshot, then its dataset when that was deleted by the CO and this was its last snapshot. Done
     * when the snapshot is absent; FailedPrecondition when volumes restored from it still exist.
     */
    public Either<Failure, Done> releaseSnapshot(ArrayApi api, SnapshotRef snap, int depth) {
        return locate(snap.dataset()).flatMap(at -> {
            if (at.isEmpty()) {
                return Either.right(Done.DONE);
            }
            String path = ArrayPaths.snapshot(at.get().path(), kind.snapshotPrefix + snap.snapshot());
            var deleted = api.deleteSnapshot(kind, path);
            if (deleted.isLeft() && deleted.getLeft().notFound()) {
                return Either.right(Done.DONE);
            }
            return Rest.ok(deleted, "deleting snapshot " + snap).flatMap(ok -> ok
                    ? removeIfWithdrawnAndBare(api, at.get(), depth + 1)
                    : Either.left(Failure.precondition("snapshot " + snap + " is in use: volumes were created from it; "
                            + "delete them first")));
        });
    }

    private Either<Failure, Done> removeIfWithdrawnAndBare(ArrayApi api, Located at, int depth) {
        if (depth > MAX_CASCADE) {
            return Either.right(Done.DONE);
        }
        return find(at, api).flatMap(f -> {
            if (f.isEmpty() || !f.get().hidden()) {
                return Either.right(Done.DONE);
            }
            return snapshotNames(api, at).flatMap(left -> left.isEmpty() ? remove(api, f.get(), depth)
                    : Either.right(Done.DONE));
        });
    }
}
