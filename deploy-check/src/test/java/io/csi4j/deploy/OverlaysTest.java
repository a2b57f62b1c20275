package io.csi4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every overlay under deploy/kubernetes/overlays, rendered offline with {@code kubectl kustomize} exactly as
 * {@code kubectl apply -k} would send it, then checked object by object (see {@link ManifestChecks}).
 */
class OverlaysTest {

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    private static String rendered(Path overlay) {
        return RENDERED.computeIfAbsent(overlay, Kubectl::kustomize);
    }

    private static Manifest manifest(Path overlay) {
        return Manifest.parse("overlay " + overlay.getFileName(), rendered(overlay));
    }

    @Test
    void everyBackendHasAnOverlay() {
        assertThat(Repository.overlays()).extracting(p -> p.getFileName().toString())
                .contains("local", "intelliflash-file", "intelliflash-block", "hammerspace");
    }

    @TestFactory
    Stream<DynamicContainer> eachOverlayRendersAndValidates() {
        return Repository.overlays().stream().map(overlay -> DynamicContainer.dynamicContainer(
                overlay.getFileName().toString(), Stream.of(
                        check("renders and every object parses into its Kubernetes type", overlay,
                                m -> m.objects().isEmpty() ? List.of("renders nothing") : List.of()),
                        check("images are pinned", overlay, ManifestChecks::imagesPinned),
                        check("the driver name agrees across CSIDriver, classes, driver and registrar", overlay,
                                ManifestChecks::driverNameAgrees),
                        DynamicTest.dynamicTest("no driver-name placeholder is left", () ->
                                assertThat(rendered(overlay)).doesNotContain(ManifestChecks.DRIVER_PLACEHOLDER)),
                        check("the CSIDriver states every per-backend field", overlay, ManifestChecks::csiDriverExplicit),
                        check("required fields are present and references resolve", overlay,
                                ManifestChecks::requiredFieldsAndReferences),
                        check("every container declares resources", overlay, ManifestChecks::resourcesDeclared),
                        check("ports are unique and the liveness probe hits livenessprobe's port", overlay,
                                ManifestChecks::portsConsistent),
                        check("the driver containers can mount and report why they exit", overlay,
                                ManifestChecks::driverContainersCanWork),
                        check("a shipped namespace admits privileged pods", overlay,
                                ManifestChecks::namespaceAdmitsPrivileged))));
    }

    private static DynamicTest check(String name, Path overlay, Function<Manifest, List<String>> check) {
        return DynamicTest.dynamicTest(name, () -> assertThat(check.apply(manifest(overlay)))
                .as("%s in overlay %s", name, overlay.getFileName()).isEmpty());
    }

    /** Overlays can be installed side by side (both IntelliFlash drivers, say): their host ports never collide. */
    @Test
    void overlaysInTheHostNetworkUseDisjointPorts() {
        Map<String, Set<Integer>> all = new TreeMap<>();
        Repository.overlays().forEach(o -> all.putAll(ManifestChecks.hostPorts(manifest(o))));
        List<String> clashes = new ArrayList<>();
        var entries = new ArrayList<>(all.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                var shared = new java.util.TreeSet<>(entries.get(i).getValue());
                shared.retainAll(entries.get(j).getValue());
                if (!shared.isEmpty()) {
                    clashes.add(entries.get(i).getKey() + " and " + entries.get(j).getKey() + " both use " + shared);
                }
            }
        }
        assertThat(all).as("some overlay runs in the host network").isNotEmpty();
        assertThat(clashes).isEmpty();
    }
}
