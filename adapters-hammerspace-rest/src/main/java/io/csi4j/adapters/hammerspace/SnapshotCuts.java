package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/** Whether the snapshot an id names exists on the Anvil, read through the API that owns its kind. */
final class SnapshotCuts {

    private SnapshotCuts() {}

    static Either<Failure, Boolean> exists(Context ctx, SnapshotHandle h) {
        return switch (h.form()) {
            case SHARE, BACKING_SHARE -> ctx.api().shareSnapshots(h.source().share())
                    .map(names -> names.orElse(List.of()).contains(h.snapshot()));
            case FILE -> ctx.api().file(h.filePath()).map(Optional::isPresent);
        };
    }

    /** The size of a file snapshot in bytes (0 when it does not exist). */
    static Either<Failure, Long> fileSize(Context ctx, SnapshotHandle h) {
        return ctx.api().file(h.filePath()).map(e -> e.map(x -> x.size()).orElse(0L));
    }
}
