package io.csi4j.adapters.iscsi;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.Command;
import io.csi4j.hostexec.CommandResult;
import io.csi4j.hostexec.CommandRunner;
import io.csi4j.hostexec.Executables;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.metrics.Recorders;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stands in for the host's tools: answers each command by the first rule whose prefix its arguments start with,
 * and records every command it was asked to run (program name and arguments, as the adapter built them).
 */
final class ScriptedRunner implements CommandRunner {

    private final Map<String, Function<List<String>, CommandResult>> rules = new LinkedHashMap<>();
    final List<Command> ran = new ArrayList<>();
    private final Path bin;

    /** @param bin an empty directory that gets an executable stand-in for each tool, so they are "installed" */
    ScriptedRunner(Path bin) {
        this.bin = bin;
        try {
            Files.createDirectories(bin);
            for (String tool : List.of("iscsiadm", "multipath", "multipathd", "blockdev")) {
                if (Files.exists(bin.resolve(tool))) {
                    continue;
                }
                Files.createFile(bin.resolve(tool), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers commands starting with {@code prefix} (e.g. {@code "iscsiadm -m session"}) with this exit and output. */
    ScriptedRunner on(String prefix, int exit, String stdout, String stderr) {
        rules.put(prefix, args -> new CommandResult(String.join(" ", args), exit, stdout, stderr));
        return this;
    }

    ScriptedRunner on(String prefix, Function<List<String>, CommandResult> answer) {
        rules.put(prefix, answer);
        return this;
    }

    HostCommands commands() {
        return new HostCommands(this, new Executables(List.of(bin)), IscsiadmErrors::classify,
                Recorders.none().commands());
    }

    /** The commands run so far, each as "program arg arg ...". */
    List<String> lines() {
        return ran.stream().map(ScriptedRunner::line).toList();
    }

    @Override
    public Either<Failure, CommandResult> run(Command command) {
        ran.add(command);
        String line = line(command);
        for (var rule : rules.entrySet()) {
            if (line.startsWith(rule.getKey())) {
                CommandResult r = rule.getValue().apply(argsOf(command));
                return Either.right(new CommandResult(command.display(), r.exitCode(), command.scrub(r.stdout()),
                        command.scrub(r.stderr())));
            }
        }
        return Either.right(new CommandResult(command.display(), 1, "", "unscripted: " + command.display()));
    }

    private static String line(Command c) {
        return String.join(" ", argsOf(c));
    }

    private static List<String> argsOf(Command c) {
        List<String> args = new ArrayList<>(c.argv());
        args.set(0, Path.of(args.getFirst()).getFileName().toString());
        return args;
    }
}
