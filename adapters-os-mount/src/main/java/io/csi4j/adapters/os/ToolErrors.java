package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.CommandResult;
import java.util.Locale;

/**
 * Turns a failed tool run into a typed failure from its (C locale) message. mount(8), umount(8) and losetup
 * report every failure with one exit code, so the message is all there is to go on. Unknown messages are
 * FailedPrecondition: not a Defect, because nothing says a retry cannot fix them.
 */
final class ToolErrors {

    private ToolErrors() {}

    static Failure classify(CommandResult result) {
        String message = result.describeFailure();
        String lower = result.diagnostics().toLowerCase(Locale.ROOT);
        // ENODEV from mount(2) ("No such device", not ENXIO's "No such device or address") means the kernel has no
        // driver for the filesystem type (an NFS or CIFS client missing on the node): a fact about this node, not
        // about the volume, so never NotFound, which would tell the CO the volume is gone.
        if (lower.contains("no such device") && !lower.contains("no such device or address")) {
            return Failure.precondition(message + " (this node's kernel cannot mount it: is the filesystem's module "
                    + "available?)");
        }
        if (containsAny(lower, "does not exist", "no such file or directory", "no such device or address")) {
            return Failure.notFound(message);
        }
        if (containsAny(lower, "connection refused", "timed out", "no route to host", "network is unreachable",
                "host is down", "resource temporarily unavailable", "could not find any free loop device")) {
            return Failure.unavailable(message);
        }
        if (containsAny(lower, "permission denied", "access denied", "operation not permitted")) {
            return new Failure.PermissionDenied(message);
        }
        return Failure.precondition(message);
    }

    static boolean containsAny(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
