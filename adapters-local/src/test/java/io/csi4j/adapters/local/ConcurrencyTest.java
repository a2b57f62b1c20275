package io.csi4j.adapters.local;

import static io.csi4j.adapters.local.LocalFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    @TempDir
    Path tmp;

    private LocalFixture fx;
    private ExecutorService pool;

    @BeforeEach
    void setUp() throws Exception {
        fx = new LocalFixture(tmp);
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private <T> List<T> all(List<Callable<T>> work) throws Exception {
        List<Future<T>> futures = pool.invokeAll(work);
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void manyThreadsCreatingAndDeletingDistinctNamesLoseAndDuplicateNothing() throws Exception {
        List<Volume> first = all(Stream.iterate(0, i -> i + 1).limit(200)
                .map(i -> (Callable<Volume>) () -> ok(fx.backend.create(fx.directory("pvc-" + i)))).toList());
        List<Volume> doomed = first.subList(0, 100);

        // Deletes of the first half race with creates of a second batch and with creates repeated for survivors.
        List<Callable<Object>> mixed = new ArrayList<>();
        doomed.forEach(v -> mixed.add(() -> ok(fx.backend.delete(v.id(), Secrets.NONE))));
        for (int i = 200; i < 300; i++) {
            int n = i;
            mixed.add(() -> ok(fx.backend.create(fx.directory("pvc-" + n))));
        }
        first.subList(100, 200).forEach(v -> mixed.add(() -> ok(fx.backend.create(fx.directory(v.name().orElseThrow()
                .value())))));
        java.util.Collections.shuffle(mixed, new java.util.Random(42));
        List<Object> results = all(mixed);

        Set<VolumeId> expected = new HashSet<>();
        first.subList(100, 200).forEach(v -> expected.add(v.id()));
        results.stream().filter(Volume.class::isInstance).map(Volume.class::cast).forEach(v -> expected.add(v.id()));
        List<VolumeId> listed = ok(fx.backend.list(PageRequest.ALL)).items().stream().map(Volume::id).toList();

        assertThat(expected).hasSize(200);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        try (Stream<Path> slots = Files.walk(fx.root.resolve("volumes"), 2)) {
            assertThat(slots.filter(p -> p.getNameCount() == fx.root.getNameCount() + 3).count())
                    .as("no slot left behind by a delete").isEqualTo(200);
        }
    }

    @Test
    void aRepeatedCreateRacingItselfAcrossThreadsYieldsOneVolume() throws Exception {
        // The use cases prevent this, but the backend must stay consistent if two calls ever meet in a slot.
        List<Volume> results = all(Stream.generate(() -> (Callable<Volume>) () -> ok(fx.backend.create(
                fx.image("pvc-same"))))
                .limit(32).toList());

        assertThat(results.stream().map(Volume::id).distinct()).hasSize(1);
        assertThat(ok(fx.backend.list(PageRequest.ALL)).items()).hasSize(1);
    }
}
