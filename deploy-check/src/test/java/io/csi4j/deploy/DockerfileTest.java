package io.csi4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No container engine runs in CI, so the image cannot be built there; this checks what can be checked without one:
 * the stages and files the Dockerfile names exist, its base images are pinned, every Maven module reaches the build
 * stage, and jlink's module list covers what jdeps finds in the jar the image ships.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Repository.root().resolve("deploy/docker/Dockerfile");
    private static final Dockerfile FILE = Dockerfile.read(DOCKERFILE);

    @Test
    void everyStageItCopiesFromIsDefinedEarlier() {
        assertThat(FILE.stages()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(FILE.copiesFromUndefinedStages()).isEmpty();
    }

    @Test
    void everyFileItCopiesFromTheBuildContextExists() {
        List<String> missing = FILE.stages().stream().flatMap(s -> FILE.contextSources(s).stream())
                .filter(source -> !Files.exists(Repository.root().resolve(source))).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMavenModuleReachesTheBuildStage() throws Exception {
        String pom = Files.readString(Repository.root().resolve("pom.xml"));
        Set<String> modules = Pattern.compile("<module>([^<]+)</module>").matcher(pom).results()
                .map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(FILE.contextSources(FILE.stages().getFirst()))
                .as("a module missing from the build stage breaks the image's Maven build")
                .containsAll(modules).contains("pom.xml");
    }

    @Test
    void baseImagesArePinned() {
        assertThat(FILE.unpinnedImages()).isEmpty();
    }

    @Test
    void theEntrypointRunsTheJarWithTheJlinkedRuntimeAndItsCache() {
        String entrypoint = FILE.stages().getLast().instructions().stream().filter(i -> i.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow();
        String runtime = stage("runtime").instructions().stream().filter(i -> i.startsWith("RUN jlink"))
                .findFirst().orElseThrow();
        String output = runtime.replaceAll(".*--output (\\S+).*", "$1");
        assertThat(entrypoint).contains("\"" + output + "/bin/java\"", "\"-jar\"", "\"/opt/csi4j/csi4j.jar\"",
                "\"-XX:AOTCache=/opt/csi4j/csi4j.aot\"");
        assertThat(stage("runtime").instructions()).anyMatch(i -> i.startsWith("COPY --from=build")
                && i.endsWith("/opt/csi4j/csi4j.jar"));
        assertThat(Repository.root().resolve("deploy/docker/train-aot-cache.sh")).isExecutable();
    }

    @Test
    void theJlinkModulesCoverEveryModuleTheJarUses() {
        Path jar = Path.of(System.getProperty("csi4j.jar", Repository.root().resolve("bootstrap/target/csi4j.jar")
                .toString()));
        assertThat(jar).as("the driver jar (built by bootstrap before this module)").isRegularFile();
        Tool jdeps = new Tool(Path.of(System.getProperty("java.home"), "bin", "jdeps"));
        String used = jdeps.output(Duration.ofMinutes(3), "--ignore-missing-deps", "--print-module-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()), jar.toString()).strip();
        Set<String> needed = new TreeSet<>(Arrays.asList(used.split(",")));
        Set<String> linked = new TreeSet<>(Arrays.asList(FILE.expand("${JLINK_MODULES}").split(",")));
        Set<String> leftOut = new TreeSet<>(Arrays.asList(FILE.expand("${JLINK_LEFT_OUT}").split(",")));

        assertThat(needed).as("jdeps on %s", jar).isNotEmpty().contains("java.base");
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(linked);
        missing.removeAll(leftOut);
        assertThat(missing).as("modules the jar uses that JLINK_MODULES neither links nor JLINK_LEFT_OUT explains")
                .isEmpty();
        assertThat(needed).as("JLINK_LEFT_OUT names only modules jdeps still finds").containsAll(leftOut);
        assertThat(linked).as("a module is either linked or left out").doesNotContainAnyElementsOf(leftOut);
    }

    private static Dockerfile.Stage stage(String name) {
        Optional<Dockerfile.Stage> s = FILE.stages().stream().filter(x -> x.name().equals(Optional.of(name))).findFirst();
        return s.orElseThrow(() -> new AssertionError("no stage " + name));
    }
}
