package io.csi4j.metrics;

/** Records external programs the node runs on the host (mount, losetup, mkfs, ...). */
public interface CommandRecorder {

    /** Outcomes of one run; a small fixed set, used as a tag value. */
    enum Outcome {
        /** Exit code 0. */
        OK,
        /** Ran and exited non-zero. */
        FAILED,
        /** Killed at its time limit. */
        TIMEOUT,
        /** Could not be started (not installed, not executable). */
        NOT_STARTED
    }

    /** {@code program} (the executable's file name, e.g. mkfs.ext4) ran for {@code nanos} and ended {@code outcome}. */
    void ran(String program, Outcome outcome, long nanos);
}
