package io.csi4j.adapters.iscsi;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.CommandResult;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiSession;
import io.csi4j.ports.out.host.IscsiTarget;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iscsiadm commands this adapter runs, each an argv with its time limit; the exit statuses that mean "already
 * so" are success where the caller wants the state, not the action (15 on login, 21 on logout and delete). CHAP
 * secrets are iscsiadm arguments (it reads them from nowhere else) and are masked in every message and log.
 */
final class Iscsiadm {

    private final HostCommands commands;
    private final IscsiConfig config;

    Iscsiadm(HostCommands commands, IscsiConfig config) {
        this.commands = commands;
        this.config = config;
    }

    /** The sessions iscsid knows now (21, "No active sessions", is none). */
    Either<Failure, List<IscsiSession>> sessions() {
        return run(config.commandTimeout(), List.of(), "-m", "session").flatMap(r -> r.succeeded()
                ? Either.right(SessionList.parse(r.stdout()))
                : r.exitCode() == IscsiadmErrors.NO_OBJECTS_FOUND ? Either.right(List.of())
                        : Either.left(IscsiadmErrors.classify(r)));
    }

    /** Whether the node record of {@code iqn} at {@code portal} exists. */
    Either<Failure, Boolean> recordExists(String iqn, String portal) {
        return run(config.commandTimeout(), List.of(), "-m", "node", "-T", iqn, "-p", portal).flatMap(r -> r.succeeded()
                ? Either.right(true)
                : r.exitCode() == IscsiadmErrors.NO_OBJECTS_FOUND ? Either.right(false)
                        : Either.left(IscsiadmErrors.classify(r)));
    }

    Either<Failure, Done> newRecord(String iqn, String portal) {
        return ok(run(config.commandTimeout(), List.of(), "-m", "node", "-T", iqn, "-p", portal, "-o", "new"));
    }

    /**
     * Sets what this adapter wants of a record: started only by the driver ({@code node.startup=manual}), a
     * bounded first login, and the credentials (or none).
     */
    Either<Failure, Done> configureRecord(String iqn, String portal, Optional<ChapCredentials> chap) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("node.startup", "manual");
        values.put("node.session.initial_login_retry_max", Integer.toString(config.loginRetries()));
        values.put("node.session.auth.authmethod", chap.isPresent() ? "CHAP" : "None");
        List<String> secrets = new ArrayList<>();
        chap.ifPresent(c -> {
            values.put("node.session.auth.username", c.username());
            values.put("node.session.auth.password", c.password());
            secrets.add(c.password());
            secrets.add(c.username());
            c.usernameIn().ifPresent(u -> {
                values.put("node.session.auth.username_in", u);
                secrets.add(u);
            });
            c.passwordIn().ifPresent(p -> {
                values.put("node.session.auth.password_in", p);
                secrets.add(p);
            });
        });
        List<String> args = new ArrayList<>(List.of("-m", "node", "-T", iqn, "-p", portal, "-o", "update"));
        values.forEach((k, v) -> args.addAll(List.of("-n", k, "-v", v)));
        return ok(run(config.commandTimeout(), secrets, args.toArray(String[]::new)));
    }

    /** Logs in through one portal; a session already there (15) is success. */
    Either<Failure, Done> login(String iqn, String portal) {
        return run(config.loginTimeout(), List.of(), "-m", "node", "-T", iqn, "-p", portal, "--login")
                .flatMap(r -> r.succeeded() || r.exitCode() == IscsiadmErrors.SESSION_EXISTS ? Either.right(Done.DONE)
                        : Either.left(IscsiadmErrors.classify(r)));
    }

    /** Logs out of the session through one portal; none there (21) is success. */
    Either<Failure, Done> logout(String iqn, String portal) {
        return absentIsDone(run(config.loginTimeout(), List.of(), "-m", "node", "-T", iqn, "-p", portal, "--logout"));
    }

    /** Deletes the node record; none there (21) is success. */
    Either<Failure, Done> deleteRecord(String iqn, String portal) {
        return absentIsDone(run(config.commandTimeout(), List.of(), "-m", "node", "-T", iqn, "-p", portal, "-o",
                "delete"));
    }

    /** Makes the kernel scan the session's LUNs again: new LUNs appear, grown ones take their new size. */
    Either<Failure, Done> rescan(int sessionId) {
        return ok(run(config.commandTimeout(), List.of(), "-m", "session", "-r", Integer.toString(sessionId),
                "--rescan"));
    }

    /** SendTargets discovery without saving node records; no target at the portal (21) is an empty list. */
    Either<Failure, List<IscsiTarget>> discover(String portal, Optional<ChapCredentials> chap) {
        if (chap.isEmpty()) {
            return targets(run(config.loginTimeout(), List.of(), "-m", "discovery", "-t", "sendtargets", "-p", portal,
                    "-o", "nonpersistent"));
        }
        // Discovery CHAP lives in a discovery record: made for this call and deleted after it.
        ChapCredentials c = chap.get();
        List<String> secrets = List.of(c.password(), c.username());
        var found = ok(run(config.commandTimeout(), List.of(), "-m", "discoverydb", "-t", "sendtargets", "-p", portal,
                "-o", "new"))
                .flatMap(made -> ok(run(config.commandTimeout(), secrets, "-m", "discoverydb", "-t", "sendtargets",
                        "-p", portal, "-o", "update", "-n", "discovery.sendtargets.auth.authmethod", "-v", "CHAP",
                        "-n", "discovery.sendtargets.auth.username", "-v", c.username(),
                        "-n", "discovery.sendtargets.auth.password", "-v", c.password())))
                .flatMap(updated -> targets(run(config.loginTimeout(), List.of(), "-m", "discoverydb", "-t",
                        "sendtargets", "-p", portal, "--discover", "-o", "nonpersistent")));
        run(config.commandTimeout(), List.of(), "-m", "discoverydb", "-t", "sendtargets", "-p", portal, "-o", "delete");
        return found;
    }

    private static Either<Failure, List<IscsiTarget>> targets(Either<Failure, CommandResult> run) {
        return run.flatMap(r -> r.succeeded() ? Either.right(PortalTargetList.parse(r.stdout()))
                : r.exitCode() == IscsiadmErrors.NO_OBJECTS_FOUND ? Either.right(List.of())
                        : Either.left(IscsiadmErrors.classify(r)));
    }

    private Either<Failure, CommandResult> run(Duration timeout, List<String> secrets, String... args) {
        return commands.run(timeout, secrets, "iscsiadm", args);
    }

    private static Either<Failure, Done> ok(Either<Failure, CommandResult> run) {
        return run.flatMap(r -> r.succeeded() ? Either.right(Done.DONE) : Either.left(IscsiadmErrors.classify(r)));
    }

    private static Either<Failure, Done> absentIsDone(Either<Failure, CommandResult> run) {
        return run.flatMap(r -> r.succeeded() || r.exitCode() == IscsiadmErrors.NO_OBJECTS_FOUND
                ? Either.right(Done.DONE) : Either.left(IscsiadmErrors.classify(r)));
    }
}
