package io.csi4j.domain.failure;

/** The successful outcome of an operation that has nothing to return. */
public enum Done {
    DONE
}
