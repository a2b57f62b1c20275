package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.hostexec.Redaction;
import io.csi4j.ports.out.host.BlockDevices;
import io.csi4j.ports.out.host.Mounter;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mounts through mount(8) and umount(8), run as killable children with the mount timeout. Commands rather
 * than mount(2)/umount2(2) through a native binding: a child stuck on a dead NFS server can be killed
 * (NFS waits are killable), a JVM thread in a syscall cannot; mount(8) is needed anyway for the nfs and
 * cifs helpers; and a native binding (jnr-ffi) costs about 15 MiB of RSS in a node plugin that should stay
 * within 64 MiB. Decisions (is anything mounted?) come from the mount table, not from parsing messages.
 */
final class LinuxMounter implements Mounter {

    private final HostCommands commands;
    private final Confinement confinement;
    private final ProcMountTable table;
    private final BlockDevices blockDevices;
    private final Duration timeout;
    private final Path credentialsParent;

    /**
     * @param credentialsParent where private credentials files are made for the duration of one mount
     */
    LinuxMounter(HostCommands commands, Confinement confinement, ProcMountTable table, BlockDevices blockDevices,
            Duration timeout, Path credentialsParent) {
        this.commands = commands;
        this.confinement = confinement;
        this.table = table;
        this.blockDevices = blockDevices;
        this.timeout = timeout;
        this.credentialsParent = credentialsParent;
    }

    @Override
    public Either<Failure, Done> mount(String source, Path target, String fsType, List<String> options) {
        return MountOptions.check(source, fsType, options).flatMap(checked ->
                confinement.canonical("target", target, true).flatMap(canonical -> {
                    List<String> args = new ArrayList<>(List.of("-t", fsType));
                    if (!checked.isEmpty()) {
                        args.addAll(List.of("-o", String.join(",", checked)));
                    }
                    args.addAll(List.of("--", source, canonical.toString()));
                    return mountCommand(Redaction.ofMountOptions(checked), args);
                }));
    }

    @Override
    public Either<Failure, Done> mount(String source, Path target, String fsType, List<String> options,
            Secrets credentials) {
        if (options.stream().anyMatch(o -> o != null && o.toLowerCase(Locale.ROOT).startsWith("credentials="))) {
            return Either.left(Failure.invalidArgument("the credentials option is the mounter's to set"));
        }
        List<String> secrets = new ArrayList<>(credentials.reveal().values());
        return MountOptions.check(source, fsType, options).flatMap(checked ->
                confinement.canonical("target", target, true).flatMap(canonical ->
                        CredentialsFile.write(credentialsParent, credentials).flatMap(file -> {
                            try (file) {
                                List<String> all = new ArrayList<>(checked);
                                all.add("credentials=" + file.path());
                                secrets.addAll(Redaction.ofMountOptions(checked));
                                return mountCommand(secrets, List.of("-t", fsType, "-o", String.join(",", all), "--",
                                        source, canonical.toString()));
                            }
                        })));
    }

    @Override
    public Either<Failure, Done> bind(Path source, Path target, boolean readOnly) {
        return bindSource(source).flatMap(from -> confinement.canonical("target", target, true).flatMap(to ->
                mountCommand(List.of(), List.of("--bind", "--", from.toString(), to.toString()))
                        .flatMap(done -> readOnly ? remountOrUndo(to) : Either.right(done))));
    }

    @Override
    public Either<Failure, Done> remountReadOnly(Path target) {
        return confinement.canonical("target", target, true).flatMap(canonical -> table.at(canonical)
                .flatMap(mount -> mount.isPresent() ? remount(canonical)
                        : Either.left(Failure.notFound("nothing is mounted at " + canonical))));
    }

    @Override
    public Either<Failure, Done> unmount(Path target, Unmount mode) {
        // A symlink as last component is kept: it is never a mount target, so it reads as "nothing mounted".
        return confinement.canonical("target", target, false).flatMap(canonical -> table.at(canonical)
                .flatMap(mount -> mount.isEmpty() ? Either.right(Done.DONE) : umount(canonical, mode)));
    }

    /**
     * A block device node is bound as it is (block publish; device nodes cannot be confined to the roots);
     * anything else must be a path inside the roots. The stat runs bounded: the source may be on a dead mount.
     */
    private Either<Failure, Path> bindSource(Path source) {
        if (source == null || !source.isAbsolute()) {
            return confinement.canonical("source", source, true);
        }
        return confinement.bounded("inspect source " + source, () -> Either.right(blockDevices.isBlockDevice(source)))
                .flatMap(device -> device ? Either.right(source) : confinement.canonical("source", source, true));
    }

    /** A read-only bind is two steps; if the second fails the bind is undone, never left writable. */
    private Either<Failure, Done> remountOrUndo(Path target) {
        Either<Failure, Done> remounted = remount(target);
        if (remounted.isRight()) {
            return remounted;
        }
        Either<Failure, Done> undone = umount(target, Unmount.LAZY);
        return undone.isRight() ? remounted : Either.left(Failure.unavailable(remounted.getLeft().message()
                + "; the writable bind at " + target + " could not be undone: " + undone.getLeft().message()));
    }

    /** Per-mount read-only (MS_REMOUNT|MS_BIND|MS_RDONLY); mount(8) keeps the mount's other flags. */
    private Either<Failure, Done> remount(Path target) {
        return mountCommand(List.of(), List.of("-o", "remount,bind,ro", "--", target.toString()));
    }

    private Either<Failure, Done> umount(Path target, Unmount mode) {
        List<String> args = new ArrayList<>(List.of("--no-canonicalize"));
        switch (mode) {
            case FORCE -> args.add("--force");
            case LAZY -> args.add("--lazy");
            case NORMAL -> { }
        }
        args.addAll(List.of("--", target.toString()));
        return commands.run(timeout, List.of(), "umount", args.toArray(String[]::new)).flatMap(result -> {
            if (result.succeeded()) {
                return Either.right(Done.DONE);
            }
            String message = result.diagnostics().toLowerCase(Locale.ROOT);
            // Raced with another unmount: the CSI contract wants an absent mount to be success.
            if (ToolErrors.containsAny(message, "not mounted", "no mount point specified")) {
                return Either.right(Done.DONE);
            }
            if (message.contains("busy")) {
                return Either.left(Failure.precondition(target + " is busy (still in use): "
                        + result.diagnostics()));
            }
            return Either.left(ToolErrors.classify(result));
        });
    }

    private Either<Failure, Done> mountCommand(List<String> secrets, List<String> args) {
        return commands.runOk(timeout, secrets, "mount", args.toArray(String[]::new)).map(result -> Done.DONE);
    }
}
