package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Failure;
import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * Turns an I/O error of the local disk into a failure the CO can act on. A full disk is CapacityExhausted,
 * a file too large for the file system is OutOfRange, a mount inside a volume is FailedPrecondition; all
 * other errors are Unavailable, because a retry may well succeed (never a Defect).
 */
final class IoFailures {

    private IoFailures() {}

    static Failure of(String what, IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : "";
        String detail = what + ": " + e.getMessage();
        if (e instanceof Trees.ForeignMountException) {
            return Failure.precondition(detail + "; unmount it first");
        }
        if (reason.contains("No space left")) {
            return Failure.exhausted(detail);
        }
        if (reason.contains("File too large")) {
            return Failure.outOfRange(detail);
        }
        return Failure.unavailable("local storage: " + detail);
    }
}
