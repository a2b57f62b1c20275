package io.csi4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.CSIDriver;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.volumesnapshot.api.model.VolumeSnapshot;
import io.fabric8.volumesnapshot.api.model.VolumeSnapshotClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples of each backend (the original drivers' set: a dynamic volume, a pre-provisioned one, a clone, a
 * snapshot and its restore) parse into their types and fit the overlay they are written for: its driver, its
 * classes, and each other's claims and snapshots. Reads the overlay's own files, so it needs no kubectl.
 */
class ExamplesTest {

    static final Set<String> EXPECTED = Set.of("nginx-dynamic-volume.yaml", "nginx-persistent-volume.yaml",
            "nginx-clone-volume.yaml", "take-snapshot.yaml", "nginx-snapshot-volume.yaml");

    @TestFactory
    Stream<DynamicContainer> eachOverlaysExamplesFitIt() {
        return Repository.overlays().stream().map(overlay -> {
            String backend = overlay.getFileName().toString();
            return DynamicContainer.dynamicContainer(backend, Stream.of(
                    DynamicTest.dynamicTest("has the five examples", () -> assertThat(files(Repository.examples(backend)))
                            .extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(EXPECTED)),
                    DynamicTest.dynamicTest("refer to the overlay's driver and classes and to each other", () ->
                            assertThat(problems(overlay, examples(backend))).isEmpty()),
                    DynamicTest.dynamicTest("pin their images", () ->
                            assertThat(ManifestChecks.imagesPinned(examples(backend))).isEmpty())));
        });
    }

    static Manifest examples(String backend) {
        var objects = new ArrayList<io.fabric8.kubernetes.api.model.HasMetadata>();
        for (Path f : files(Repository.examples(backend))) {
            objects.addAll(KubernetesObjects.parse(f.toString(), read(f)));
        }
        return new Manifest("examples/" + backend, objects);
    }

    /** The overlay's cluster-scoped objects as its files declare them (kustomize only adds labels to them). */
    static Manifest overlayClasses(Path overlay) {
        var objects = new ArrayList<io.fabric8.kubernetes.api.model.HasMetadata>();
        for (String f : List.of("csidriver.yaml", "storageclass.yaml", "volumesnapshotclass.yaml")) {
            objects.addAll(KubernetesObjects.parse(f, read(overlay.resolve(f))));
        }
        return new Manifest("overlay " + overlay.getFileName(), objects);
    }

    static List<String> problems(Path overlay, Manifest examples) {
        Manifest classes = overlayClasses(overlay);
        String driver = classes.all(CSIDriver.class).getFirst().getMetadata().getName();
        Set<String> storageClasses = names(classes.all(StorageClass.class));
        Set<String> snapshotClasses = names(classes.all(VolumeSnapshotClass.class));
        Set<String> claims = names(examples.all(PersistentVolumeClaim.class));
        Set<String> snapshots = names(examples.all(VolumeSnapshot.class));
        List<String> problems = new ArrayList<>();
        for (PersistentVolume pv : examples.all(PersistentVolume.class)) {
            if (pv.getSpec().getCsi() == null || !driver.equals(pv.getSpec().getCsi().getDriver())) {
                problems.add("PersistentVolume " + pv.getMetadata().getName() + " is not a volume of " + driver);
            }
            if (!storageClasses.contains(pv.getSpec().getStorageClassName())) {
                problems.add("PersistentVolume " + pv.getMetadata().getName() + " names an unknown StorageClass");
            }
        }
        for (PersistentVolumeClaim pvc : examples.all(PersistentVolumeClaim.class)) {
            String what = "PersistentVolumeClaim " + pvc.getMetadata().getName();
            if (!storageClasses.contains(pvc.getSpec().getStorageClassName())) {
                problems.add(what + " names StorageClass " + pvc.getSpec().getStorageClassName() + ", not one of "
                        + storageClasses);
            }
            var source = pvc.getSpec().getDataSource();
            if (source != null && !(source.getKind().equals("PersistentVolumeClaim") ? claims : snapshots)
                    .contains(source.getName())) {
                problems.add(what + " clones or restores " + source.getKind() + " " + source.getName()
                        + ", which no example creates");
            }
        }
        for (VolumeSnapshot s : examples.all(VolumeSnapshot.class)) {
            if (!snapshotClasses.contains(s.getSpec().getVolumeSnapshotClassName())) {
                problems.add("VolumeSnapshot " + s.getMetadata().getName() + " names an unknown VolumeSnapshotClass");
            }
            if (!claims.contains(s.getSpec().getSource().getPersistentVolumeClaimName())) {
                problems.add("VolumeSnapshot " + s.getMetadata().getName() + " snapshots a claim no example creates");
            }
        }
        for (Pod p : examples.all(Pod.class)) {
            p.getSpec().getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
                    .map(v -> v.getPersistentVolumeClaim().getClaimName()).filter(c -> !claims.contains(c))
                    .forEach(c -> problems.add("Pod " + p.getMetadata().getName() + " mounts claim " + c
                            + ", which no example creates"));
        }
        return problems;
    }

    private static Set<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
