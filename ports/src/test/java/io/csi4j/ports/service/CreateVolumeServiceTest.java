package io.csi4j.ports.service;

import static io.csi4j.ports.service.Requests.BLOCK;
import static io.csi4j.ports.service.Requests.MIB;
import static io.csi4j.ports.service.Requests.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.topology.TopologyRequirement;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.fake.InMemoryVolumeBackend;
import io.csi4j.ports.in.SourceRef;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CreateVolumeServiceTest {

    private static final String KEY = "topology.csi4j.io/node";
    private final InMemoryVolumeBackend backend = InMemoryVolumeBackend.named("mem")
            .placements(Topology.of(KEY, "n1")).build();
    private final Backends backends = new Backends(List.of(backend), Optional.empty());
    private final InFlight inFlight = new InFlight();
    private final CreateVolumeService service = new CreateVolumeService(backends, inFlight);

    @Test
    void createsOnceAndReturnsTheSameVolumeOnRepeat() {
        Volume first = service.createVolume(create("pvc-1")).get();
        Volume again = service.createVolume(create("pvc-1")).get();
        assertThat(again).isEqualTo(first);
        assertThat(first.capacityBytes()).isEqualTo(10 * MIB);
        assertThat(first.accessibleTopology()).containsExactly(Topology.of(KEY, "n1"));
        assertThat(backend.createdVolumes()).isEqualTo(1);
    }

    @Test
    void theSameNameWithAnotherSizeOrOtherParametersIsAlreadyExists() {
        service.createVolume(create("pvc-1", CapacityRange.of(10 * MIB, 10 * MIB).get(), Map.of("tier", "fast")));
        assertThat(service.createVolume(create("pvc-1", CapacityRange.of(20 * MIB, 0).get(), Map.of("tier", "fast")))
                .getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(service.createVolume(create("pvc-1", CapacityRange.of(10 * MIB, 0).get(), Map.of("tier", "slow")))
                .getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(service.createVolume(Requests.withCapabilities(
                        create("pvc-1", CapacityRange.of(10 * MIB, 0).get(), Map.of("tier", "fast", "blockless", "true")),
                        Requests.RWO)).getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(backend.createdVolumes()).isEqualTo(1);
    }

    @Test
    void aVolumeCreatedWithoutParametersIsNotTheOneAskedForWithParameters() {
        service.createVolume(create("pvc-1", CapacityRange.of(10 * MIB, 0).get(), Map.of()));

        assertThat(service.createVolume(create("pvc-1", CapacityRange.of(10 * MIB, 0).get(), Map.of("tier", "fast")))
                .getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(backend.createdVolumes()).isEqualTo(1);
    }

    @Test
    void emptyParametersOfABackendThatDoesNotRecordThemAreUnknownAndMatchAnyRequest() {
        var forgetful = new DelegatingBackend(backend) {
            @Override
            public boolean recordsParameters() {
                return false;
            }
        };
        var over = new CreateVolumeService(new Backends(List.of(forgetful), Optional.empty()), inFlight);
        Volume v = over.createVolume(create("pvc-1", CapacityRange.of(10 * MIB, 0).get(), Map.of())).get();

        var withParameters = create("pvc-1", CapacityRange.of(10 * MIB, 0).get(), Map.of("tier", "fast"));
        assertThat(over.createVolume(withParameters).get()).isEqualTo(v);
    }

    @Test
    void preferredTopologiesAloneNeitherBlockACreateNorMakeAnExistingVolumeIncompatible() {
        var elsewhere = new TopologyRequirement(List.of(), List.of(Topology.of(KEY, "n2")));

        Volume v = service.createVolume(Requests.withTopology(create("pvc-1"), elsewhere)).get();

        assertThat(v.accessibleTopology()).containsExactly(Topology.of(KEY, "n1"));
        assertThat(service.createVolume(Requests.withTopology(create("pvc-1"), elsewhere)).get()).isEqualTo(v);
        assertThat(service.createVolume(Requests.withTopology(create("pvc-1"),
                new TopologyRequirement(List.of(Topology.of(KEY, "n2")), List.of()))).getLeft())
                .as("a requisite the volume is outside of").isInstanceOf(Failure.AlreadyExists.class);
    }

    @Test
    void kubernetesInformationalParametersDoNotBreakIdempotency() {
        Volume v = service.createVolume(create("pvc-1", CapacityRange.of(MIB, 0).get(),
                Map.of("csi.storage.k8s.io/pvc/name", "data"))).get();
        assertThat(service.createVolume(create("pvc-1", CapacityRange.of(MIB, 0).get(), Map.of())).get()).isEqualTo(v);
    }

    @Test
    void aSecondConcurrentCallForTheSameNameIsAbortedAndOnlyOneVolumeIsCreated() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        backend.beforeCreate(spec -> {
            inside.countDown();
            await(release);
        });
        CompletableFuture<Either<Failure, Volume>> first = CompletableFuture.supplyAsync(() -> service.createVolume(create("pvc-1")));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(service.createVolume(create("pvc-1")).getLeft()).isInstanceOf(Failure.OperationPending.class);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).isRight()).isTrue();
        assertThat(backend.createdVolumes()).isEqualTo(1);
    }

    @Test
    void invalidParametersAndUnsupportedCapabilitiesCreateNothing() {
        assertThat(service.createVolume(create("pvc-1", CapacityRange.UNSPECIFIED, Map.of("bogus", "1"))).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(service.createVolume(Requests.withCapabilities(
                create("pvc-1", CapacityRange.UNSPECIFIED, Map.of("blockless", "true")), BLOCK)).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(backend.volumeCount()).isZero();
    }

    @Test
    void sizesBeyondTheMaximumAreOutOfRange() {
        assertThat(service.createVolume(create("pvc-1", CapacityRange.of(Long.MAX_VALUE / 2, 0).get(), Map.of()))
                .getLeft()).isInstanceOf(Failure.OutOfRange.class);
        assertThat(backend.volumeCount()).isZero();
    }

    @Test
    void anUnsatisfiableTopologyIsResourceExhausted() {
        var elsewhere = new TopologyRequirement(List.of(Topology.of(KEY, "n2")), List.of());
        assertThat(service.createVolume(Requests.withTopology(create("pvc-1"), elsewhere)).getLeft())
                .isInstanceOf(Failure.CapacityExhausted.class);
        var here = new TopologyRequirement(List.of(Topology.of(KEY, "n2"), Topology.of(KEY, "n1")), List.of());
        assertThat(service.createVolume(Requests.withTopology(create("pvc-1"), here)).isRight()).isTrue();
    }

    @Test
    void restoresAndClonesCarryTheSourceAndAreNeverSmaller() {
        Volume source = service.createVolume(create("src", CapacityRange.of(20 * MIB, 0).get(), Map.of())).get();
        backend.write(source.id(), "hello");
        var snap = backend.snapshots().get().create(new SnapshotName("s1"), source.id(), Parameters.EMPTY, Secrets.NONE).get();

        Volume restored = service.createVolume(Requests.withSource(create("restored", CapacityRange.UNSPECIFIED, Map.of()),
                new SourceRef.Snapshot(snap.id().value()))).get();
        assertThat(restored.capacityBytes()).isEqualTo(20 * MIB);
        assertThat(restored.source()).contains(new ContentSource.FromSnapshot(snap.id()));
        assertThat(backend.read(restored.id())).isEqualTo("hello");

        Volume clone = service.createVolume(Requests.withSource(create("clone", CapacityRange.of(30 * MIB, 0).get(), Map.of()),
                new SourceRef.Volume(source.id().value()))).get();
        assertThat(clone.capacityBytes()).isEqualTo(30 * MIB);
        assertThat(backend.read(clone.id())).isEqualTo("hello");

        assertThat(service.createVolume(Requests.withSource(create("small", CapacityRange.of(MIB, MIB).get(), Map.of()),
                new SourceRef.Volume(source.id().value()))).getLeft()).isInstanceOf(Failure.OutOfRange.class);
        assertThat(service.createVolume(Requests.withSource(create("other-src", CapacityRange.of(20 * MIB, 0).get(), Map.of()),
                new SourceRef.Volume(snap.id().value()))).getLeft()).as("a snapshot id is not a volume id")
                .isInstanceOf(Failure.NotFound.class);
        assertThat(service.createVolume(Requests.withSource(create("restored", CapacityRange.UNSPECIFIED, Map.of()),
                new SourceRef.Volume(source.id().value()))).getLeft()).as("same name, other source")
                .isInstanceOf(Failure.AlreadyExists.class);
    }

    @Test
    void unknownSourcesAreNotFoundAndCreateNothing() {
        assertThat(service.createVolume(Requests.withSource(create("r"), new SourceRef.Snapshot("mem:v999999"))).getLeft())
                .isInstanceOf(Failure.NotFound.class);
        assertThat(service.createVolume(Requests.withSource(create("r"), new SourceRef.Volume("mem:../../etc"))).getLeft())
                .isInstanceOf(Failure.NotFound.class);
        assertThat(service.createVolume(Requests.withSource(create("r"), new SourceRef.Volume("nobody:x"))).getLeft())
                .isInstanceOf(Failure.NotFound.class);
        assertThat(backend.volumeCount()).isZero();
    }

    @Test
    void cloningOnABackendWithoutItIsInvalidArgument() {
        var plain = InMemoryVolumeBackend.named("plain").withoutCloning().build();
        var svc = new CreateVolumeService(new Backends(List.of(plain), Optional.empty()), inFlight);
        Volume src = svc.createVolume(create("src")).get();
        assertThat(svc.createVolume(Requests.withSource(create("c"), new SourceRef.Volume(src.id().value()))).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(plain.volumeCount()).isEqualTo(1);
    }

    @Test
    void theBackendParameterSelectsAmongSeveralBackends() {
        var other = InMemoryVolumeBackend.named("other").build();
        var svc = new CreateVolumeService(new Backends(List.of(backend, other), Optional.empty()), inFlight);
        assertThat(svc.createVolume(create("a")).getLeft().message()).contains(BackendSelection.PARAMETER);
        Volume v = svc.createVolume(create("a", CapacityRange.UNSPECIFIED, Map.of(BackendSelection.PARAMETER, "other"))).get();
        assertThat(v.id().backend()).isEqualTo(new BackendName("other"));
        assertThat(v.parameters().values()).doesNotContainKey(BackendSelection.PARAMETER);
        assertThat(svc.createVolume(create("b", CapacityRange.UNSPECIFIED, Map.of(BackendSelection.PARAMETER, "nope")))
                .getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(svc.createVolume(Requests.withSource(
                        create("c", CapacityRange.UNSPECIFIED, Map.of(BackendSelection.PARAMETER, "mem")),
                        new SourceRef.Volume(v.id().value()))).getLeft().message()).contains("lives on backend other");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
