package io.csi4j.adapters.iscsi;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.CommandResult;

/**
 * Turns a failed iscsiadm run into a typed failure from its exit status (open-iscsi's ISCSI_ERR_* codes), which
 * unlike mount(8) says what went wrong. Statuses that mean "already so" (15: session exists, 21: no such record or
 * session) never get here: the callers that expect them treat them as success. A condition a retry can fix is
 * Unavailable, never a Defect.
 */
final class IscsiadmErrors {

    static final int SESSION_EXISTS = 15;
    static final int NO_OBJECTS_FOUND = 21;

    private IscsiadmErrors() {}

    static Failure classify(CommandResult r) {
        String message = r.describeFailure();
        return switch (r.exitCode()) {
            case 24 -> new Failure.Unauthenticated("the iSCSI target refused the login: authorization failure (check "
                    + "the CHAP user name and secret in the node-stage secrets): " + message);
            case 19 -> Failure.precondition("the iSCSI target refused the login for good (wrong target name, or this "
                    + "node's initiator is not allowed): " + message);
            case 4, 5, 8, 11, 29, 32 -> Failure.unavailable("the iSCSI portal did not answer or dropped the "
                    + "connection: " + message);
            case 18, 20 -> Failure.unavailable("iscsid is not running or does not answer (start open-iscsi's "
                    + "iscsid on the node): " + message);
            case 12, 14 -> Failure.precondition("the iSCSI transport is missing on this node (iscsi_tcp module): "
                    + message);
            case 13 -> new Failure.PermissionDenied(message);
            case 2, NO_OBJECTS_FOUND -> Failure.notFound(message);
            case 28 -> Failure.precondition("the iSCSI device is still in use: " + message);
            case 7 -> Failure.invalidArgument(message);
            default -> Failure.precondition(message);
        };
    }
}
