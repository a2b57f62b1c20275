package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.hostexec.Command;
import io.csi4j.hostexec.CommandResult;
import io.csi4j.hostexec.Executables;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.metrics.Recorders;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mounting with credentials, seen from the command it runs: the secrets reach mount(8) only in a private file
 * that exists while mount runs and is gone afterwards, whatever the outcome, and never in the argv or a message.
 */
class LinuxMounterCredentialsTest {

    private static final Secrets CREDENTIALS = new Secrets(Map.of("username", "svc-user", "password", "Pa55:w0rd=x",
            "domain", "CORP"));

    private final Path root;
    private final Path tmp;
    private final List<Command> ran = new ArrayList<>();
    private final List<String> fileSeen = new ArrayList<>();
    private final List<String> modesSeen = new ArrayList<>();
    private int exitCode;
    private String stderr = "";

    LinuxMounterCredentialsTest() throws IOException {
        root = Files.createTempDirectory("csi4j-root-").toRealPath();
        tmp = Files.createTempDirectory("csi4j-tmp-").toRealPath();
        Files.createDirectory(root.resolve("target"));
    }

    @AfterEach
    void removeDirectories() throws IOException {
        for (Path dir : List.of(root, tmp)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private LinuxMounter mounter() {
        var roots = List.of(new PathGuard.Root(root, root));
        var confinement = new Confinement(new PathGuard(roots, () -> Either.right(Set.of())), new BlockingCalls(4),
                Duration.ofSeconds(5));
        HostCommands commands = new HostCommands(this::run, new Executables(List.of(Path.of("/usr/bin"),
                Path.of("/bin"))), ToolErrors::classify, Recorders.none().commands());
        return new LinuxMounter(commands, confinement, new ProcMountTable(ProcMountTable.MOUNTINFO),
                new SysfsBlockDevices(Path.of("/sys/dev/block")), Duration.ofSeconds(5), tmp);
    }

    /** Stands in for mount(8): looks at the credentials file while "mounting", as mount.cifs would. */
    private Either<Failure, CommandResult> run(Command command) {
        ran.add(command);
        String options = command.argv().get(command.argv().indexOf("-o") + 1);
        for (String option : options.split(",")) {
            if (option.startsWith("credentials=")) {
                Path file = Path.of(option.substring("credentials=".length()));
                try {
                    fileSeen.add(Files.readString(file));
                    modesSeen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + " "
                            + PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
                } catch (IOException e) {
                    fileSeen.add("unreadable: " + e);
                }
            }
        }
        return Either.right(new CommandResult(command.display(), exitCode, "", command.scrub(stderr)));
    }

    private List<Path> leftInTmp() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.filter(p -> !p.equals(tmp)).toList();
        }
    }

    @Test
    void theCredentialsTravelInAPrivateFileThatIsGoneAfterTheMount() throws IOException {
        var done = mounter().mount("//srv/share", root.resolve("target"), "cifs", List.of("vers=3.1.1"), CREDENTIALS);

        assertThat(done.isRight()).isTrue();
        assertThat(ran).singleElement().satisfies(c -> {
            assertThat(c.argv()).contains("-t", "cifs", "--", "//srv/share", root.resolve("target").toString());
            assertThat(String.join(" ", c.argv())).doesNotContain("svc-user", "Pa55:w0rd=x", "CORP");
        });
        assertThat(fileSeen).singleElement().asString().contains("username=svc-user\n", "password=Pa55:w0rd=x\n",
                "domain=CORP\n");
        assertThat(modesSeen).containsExactly("rw------- rwx------");
        assertThat(leftInTmp()).isEmpty();
    }

    @Test
    void aFailedMountRemovesTheFileTooAndItsMessageHoldsNoSecret() throws IOException {
        exitCode = 32;
        stderr = "mount error(13): Permission denied for svc-user with Pa55:w0rd=x";

        Failure failure = mounter().mount("//srv/share", root.resolve("target"), "cifs", List.of(), CREDENTIALS)
                .getLeft();

        assertThat(failure).isInstanceOf(Failure.PermissionDenied.class);
        assertThat(failure.message()).doesNotContain("svc-user", "Pa55:w0rd=x");
        assertThat(leftInTmp()).isEmpty();
    }

    @Test
    void aCredentialsOptionFromTheCallerOrALineBreakInAValueIsRefusedBeforeAnythingRuns() throws IOException {
        assertThat(mounter().mount("//srv/share", root.resolve("target"), "cifs", List.of("credentials=/etc/x"),
                CREDENTIALS).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(mounter().mount("//srv/share", root.resolve("target"), "cifs", List.of(),
                new Secrets(Map.of("password", "a\nusername=root"))).getLeft().message()).doesNotContain("root");
        assertThat(ran).isEmpty();
        assertThat(leftInTmp()).isEmpty();
    }

    @Test
    void aTargetOutsideTheRootsIsRefusedAndNoFileIsWritten() throws IOException {
        assertThat(mounter().mount("//srv/share", tmp, "cifs", List.of(), CREDENTIALS).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(ran).isEmpty();
        assertThat(leftInTmp()).isEmpty();
    }
}
