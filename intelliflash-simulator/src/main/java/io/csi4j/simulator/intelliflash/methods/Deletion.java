package io.csi4j.simulator.intelliflash.methods;

import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Dataset;
import io.csi4j.simulator.intelliflash.model.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * Deleting datasets and snapshots with the array's dependency rules: a dataset goes with its snapshots, but not
 * while a snapshot of it has clones, unless {@code recursive} deletes the clones first.
 */
final class Deletion {

    private Deletion() {}

    static Object dataset(ArrayModel m, String path, boolean recursive, boolean errorIfNotExist,
            Class<? extends Dataset> kind) {
        Optional<Dataset> found = m.find(path);
        if (found.isEmpty() || !kind.isInstance(found.get())) {
            if (errorIfNotExist) {
                throw ZebiError.notFound(kind.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + path);
            }
            return io.csi4j.simulator.intelliflash.api.Method.VOID;
        }
        remove(m, found.get(), recursive);
        return io.csi4j.simulator.intelliflash.api.Method.VOID;
    }

    static void remove(ArrayModel m, Dataset d, boolean recursive) {
        if (d.hasClones() && !recursive) {
            throw ZebiError.inUse("dataset " + d.path() + " has snapshots with dependent clones: "
                    + d.snapshots.values().stream().flatMap(s -> s.clones.stream()).toList());
        }
        for (Snapshot s : List.copyOf(d.snapshots.values())) {
            removeSnapshot(m, s, true);
        }
        if (d.origin != null) {
            m.find(d.origin.substring(0, d.origin.indexOf('@')))
                    .map(o -> o.snapshots.get(d.origin.substring(d.origin.indexOf('@') + 1)))
                    .ifPresent(s -> s.clones.remove(d.path()));
        }
        m.data.delete(d.path());
        m.datasets.remove(d.path());
    }

    /** Deletes a snapshot; with clones it fails unless {@code recursive}, which deletes the clones too. */
    static void removeSnapshot(ArrayModel m, Snapshot s, boolean recursive) {
        if (!s.clones.isEmpty() && !recursive) {
            throw ZebiError.inUse("snapshot " + s.path() + " has dependent clones " + s.clones);
        }
        for (String clone : List.copyOf(s.clones)) {
            m.find(clone).ifPresent(c -> remove(m, c, true));
        }
        m.data.deleteSnapshot(s.path());
        m.find(s.datasetPath).ifPresent(d -> d.snapshots.remove(s.storedName));
    }
}
