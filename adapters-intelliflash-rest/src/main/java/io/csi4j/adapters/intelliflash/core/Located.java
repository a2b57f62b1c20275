package io.csi4j.adapters.intelliflash.core;

/** A dataset reference resolved to its array and pool, so that its path is known. */
public record Located(Array array, String pool, DatasetRef ref) {

    public String path() {
        return ref.path(pool);
    }
}
