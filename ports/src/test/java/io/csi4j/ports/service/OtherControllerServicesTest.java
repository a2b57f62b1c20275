package io.csi4j.ports.service;

import static io.csi4j.ports.service.Requests.MIB;
import static io.csi4j.ports.service.Requests.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.health.PluginIdentity;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeEntry;
import io.csi4j.ports.fake.InMemoryVolumeBackend;
import io.csi4j.ports.in.ValidateCommand;
import io.csi4j.ports.in.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtherControllerServicesTest {

    private final InMemoryVolumeBackend a = InMemoryVolumeBackend.named("a").build();
    private final InMemoryVolumeBackend b = InMemoryVolumeBackend.named("b").withoutSnapshots().withoutExpansion()
            .withoutCloning().placements(Topology.of("topology.csi4j.io/node", "n1")).build();
    private final Backends backends = new Backends(List.of(a, b), Optional.of(new BackendName("a")));
    private final InFlight inFlight = new InFlight();
    private final CreateVolumeService create = new CreateVolumeService(backends, inFlight);

    private Volume volumeOn(String backend, String name) {
        return create.createVolume(create(name, CapacityRange.of(MIB, 0).get(),
                Map.of(BackendSelection.PARAMETER, backend))).get();
    }

    @Test
    void deleteIsIdempotentAndTreatsUnknownOrMalformedIdsAsDeleted() {
        var delete = new DeleteVolumeService(backends, inFlight);
        Volume v = volumeOn("a", "pvc-1");
        assertThat(delete.deleteVolume(v.id().value(), Secrets.NONE).get()).isEqualTo(Done.DONE);
        assertThat(a.volumeCount()).isZero();
        assertThat(delete.deleteVolume(v.id().value(), Secrets.NONE).isRight()).isTrue();
        for (String bad : List.of("a:v123456", "zzz:1", "../../etc/passwd", "a:x\u0000y", "x".repeat(300))) {
            assertThat(delete.deleteVolume(bad, Secrets.NONE).isRight()).as(bad).isTrue();
        }
    }

    @Test
    void deleteWhileAnotherCallHoldsTheVolumeIsPending() {
        var delete = new DeleteVolumeService(backends, inFlight);
        Volume v = volumeOn("a", "pvc-1");
        var result = inFlight.exclusively(InFlight.volume(v.id().value()), () -> delete.deleteVolume(v.id().value(), Secrets.NONE));
        assertThat(result.getLeft()).isInstanceOf(Failure.OperationPending.class);
        assertThat(a.volumeCount()).isEqualTo(1);
    }

    @Test
    void listVolumesPagesThroughEveryBackendAndRejectsForeignTokens() {
        volumeOn("a", "1");
        volumeOn("a", "2");
        volumeOn("b", "3");
        var list = new ListVolumesService(backends);
        List<String> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            Page<VolumeEntry> page = list.listVolumes(new PageRequest(token, 1)).get();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
            page.items().forEach(e -> seen.add(e.volume().name().get().value()));
            token = page.nextToken();
            pages++;
        } while (!token.isEmpty() && pages < 10);
        assertThat(seen).containsExactly("1", "2", "3");
        assertThat(list.listVolumes(PageRequest.ALL).get().items()).hasSize(3);
        assertThat(list.listVolumes(new PageRequest("garbage", 0)).getLeft()).isInstanceOf(Failure.InvalidToken.class);
        assertThat(list.listVolumes(new PageRequest("a/garbage", 0)).getLeft()).isInstanceOf(Failure.InvalidToken.class);
        assertThat(list.listVolumes(PageRequest.ALL).get().items().getFirst().status().condition()).isPresent();
    }

    @Test
    void validateConfirmsSupportedCapabilitiesOnly() {
        var validate = new ValidateVolumeCapabilitiesService(backends);
        Volume v = create.createVolume(create("pvc-1", CapacityRange.UNSPECIFIED, Map.of("blockless", "true"))).get();
        var ok = validate.validate(new ValidateCommand(v.id().value(), List.of(Requests.RWO), Parameters.EMPTY,
                Parameters.EMPTY, Parameters.EMPTY)).get();
        assertThat(ok).isInstanceOf(Validation.Confirmed.class);
        var no = validate.validate(new ValidateCommand(v.id().value(), List.of(Requests.BLOCK), Parameters.EMPTY,
                Parameters.EMPTY, Parameters.EMPTY)).get();
        assertThat(no).isInstanceOf(Validation.NotConfirmed.class);
        var otherParams = validate.validate(new ValidateCommand(v.id().value(), List.of(Requests.RWO), Parameters.EMPTY,
                new Parameters(Map.of("tier", "fast")), Parameters.EMPTY)).get();
        assertThat(otherParams).isInstanceOf(Validation.NotConfirmed.class);
        assertThat(validate.validate(new ValidateCommand("a:v424242", List.of(Requests.RWO), Parameters.EMPTY,
                Parameters.EMPTY, Parameters.EMPTY)).getLeft()).isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void validateEchoesOnlyWhatItChecked() {
        var validate = new ValidateVolumeCapabilitiesService(backends);
        Volume v = create.createVolume(create("pvc-1", CapacityRange.UNSPECIFIED, Map.of("tier", "fast"))).get();
        var context = new Parameters(Map.of("csi4j.io/data", "made-up"));
        var mutable = new Parameters(Map.of("iops", "100"));

        var withParameters = (Validation.Confirmed) validate.validate(new ValidateCommand(v.id().value(),
                List.of(Requests.RWO), context, new Parameters(Map.of("tier", "fast")), mutable)).get();
        var without = (Validation.Confirmed) validate.validate(new ValidateCommand(v.id().value(),
                List.of(Requests.RWO), context, Parameters.EMPTY, mutable)).get();

        assertThat(withParameters.capabilities()).containsExactly(Requests.RWO);
        assertThat(withParameters.parameters()).isEqualTo(new Parameters(Map.of("tier", "fast")));
        assertThat(withParameters.volumeContext()).as("never compared").isEqualTo(Parameters.EMPTY);
        assertThat(withParameters.mutableParameters()).as("never compared").isEqualTo(Parameters.EMPTY);
        assertThat(without.parameters()).isEqualTo(Parameters.EMPTY);
    }

    @Test
    void validateDoesNotConfirmAVolumeForAnotherBackend() {
        var validate = new ValidateVolumeCapabilitiesService(backends);
        Volume v = volumeOn("a", "pvc-1");

        var elsewhere = validate.validate(new ValidateCommand(v.id().value(), List.of(Requests.RWO), Parameters.EMPTY,
                new Parameters(Map.of(BackendSelection.PARAMETER, "b")), Parameters.EMPTY)).get();
        var here = validate.validate(new ValidateCommand(v.id().value(), List.of(Requests.RWO), Parameters.EMPTY,
                new Parameters(Map.of(BackendSelection.PARAMETER, "a")), Parameters.EMPTY)).get();

        assertThat(elsewhere).isInstanceOf(Validation.NotConfirmed.class);
        assertThat(here).isInstanceOf(Validation.Confirmed.class);
    }

    @Test
    void validateDoesNotConfirmParametersForAVolumeCreatedWithoutAny() {
        var validate = new ValidateVolumeCapabilitiesService(backends);
        Volume v = create.createVolume(create("pvc-1", CapacityRange.UNSPECIFIED, Map.of())).get();

        var asked = validate.validate(new ValidateCommand(v.id().value(), List.of(Requests.RWO), Parameters.EMPTY,
                new Parameters(Map.of("tier", "fast")), Parameters.EMPTY)).get();

        assertThat(asked).isInstanceOf(Validation.NotConfirmed.class);
    }

    @Test
    void getVolumeFindsVolumesAndSaysNotFoundOtherwise() {
        var get = new GetVolumeService(backends);
        Volume v = volumeOn("b", "pvc-1");
        assertThat(get.getVolume(v.id().value()).get().volume()).isEqualTo(v);
        assertThat(get.getVolume("b:v999999").getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(get.getVolume("b:a\u0001").getLeft()).isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void capacityAsksTheSelectedBackendAndZeroForOtherPlaces() {
        var capacity = new GetCapacityService(backends);
        long before = capacity.capacity(List.of(), Parameters.EMPTY, Optional.empty()).get().availableBytes();
        volumeOn("a", "pvc-1");
        assertThat(capacity.capacity(List.of(), Parameters.EMPTY, Optional.empty()).get().availableBytes())
                .isEqualTo(before - MIB);
        var bParams = new Parameters(Map.of(BackendSelection.PARAMETER, "b"));
        assertThat(capacity.capacity(List.of(), bParams, Optional.of(Topology.of("topology.csi4j.io/node", "n9")))
                .get().availableBytes()).isZero();
        assertThat(capacity.capacity(List.of(), new Parameters(Map.of("bogus", "x")), Optional.empty()).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void expansionGrowsIdempotentlyAndNeedsABackendThatCanExpand() {
        var expand = new ExpandVolumeService(backends, inFlight);
        Volume v = volumeOn("a", "pvc-1");
        var grown = expand.expandVolume(v.id().value(), CapacityRange.of(5 * MIB + 1, 0).get(), Optional.empty(), Secrets.NONE).get();
        assertThat(grown.capacityBytes()).isEqualTo(6 * MIB);
        assertThat(expand.expandVolume(v.id().value(), CapacityRange.of(2 * MIB, 0).get(), Optional.empty(), Secrets.NONE)
                .get().capacityBytes()).isEqualTo(6 * MIB);
        assertThat(expand.expandVolume(v.id().value(), CapacityRange.of(Long.MAX_VALUE / 4, 0).get(), Optional.empty(),
                Secrets.NONE).getLeft()).isInstanceOf(Failure.OutOfRange.class);
        assertThat(expand.expandVolume("a:v999999", CapacityRange.of(MIB, 0).get(), Optional.empty(), Secrets.NONE).getLeft())
                .isInstanceOf(Failure.NotFound.class);
        assertThat(expand.expandVolume(v.id().value(), CapacityRange.UNSPECIFIED, Optional.empty(), Secrets.NONE).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        Volume onB = volumeOn("b", "pvc-2");
        assertThat(expand.expandVolume(onB.id().value(), CapacityRange.of(9 * MIB, 0).get(), Optional.empty(), Secrets.NONE)
                .getLeft()).isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void expansionWithACapabilityTheVolumeCannotServeIsInvalidAndGrowsNothing() {
        var expand = new ExpandVolumeService(backends, inFlight);
        Volume v = create.createVolume(create("pvc-1", CapacityRange.of(MIB, 0).get(), Map.of("blockless", "true")))
                .get();

        var refused = expand.expandVolume(v.id().value(), CapacityRange.of(8 * MIB, 0).get(),
                Optional.of(Requests.BLOCK), Secrets.NONE);

        assertThat(refused.getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(refused.getLeft().message()).startsWith("volume_capability");
        assertThat(a.get(v.id()).get().capacityBytes()).isEqualTo(MIB);
        assertThat(expand.expandVolume(v.id().value(), CapacityRange.of(8 * MIB, 0).get(), Optional.of(Requests.RWO),
                Secrets.NONE).get().capacityBytes()).isEqualTo(8 * MIB);
    }

    @Test
    void snapshotsAreIdempotentByNameAndFilterable() {
        var createSnap = new CreateSnapshotService(backends, inFlight);
        var list = new ListSnapshotsService(backends);
        var get = new GetSnapshotService(backends);
        var delete = new DeleteSnapshotService(backends, inFlight);
        Volume v1 = volumeOn("a", "v1");
        Volume v2 = volumeOn("a", "v2");
        Snapshot s1 = createSnap.createSnapshot(new SnapshotName("s1"), v1.id().value(), Parameters.EMPTY, Secrets.NONE).get();
        assertThat(createSnap.createSnapshot(new SnapshotName("s1"), v1.id().value(), Parameters.EMPTY, Secrets.NONE).get())
                .isEqualTo(s1);
        assertThat(createSnap.createSnapshot(new SnapshotName("s1"), v2.id().value(), Parameters.EMPTY, Secrets.NONE).getLeft())
                .isInstanceOf(Failure.AlreadyExists.class);
        assertThat(createSnap.createSnapshot(new SnapshotName("s9"), "a:v999999", Parameters.EMPTY, Secrets.NONE).getLeft())
                .isInstanceOf(Failure.NotFound.class);
        Volume onB = volumeOn("b", "v3");
        assertThat(createSnap.createSnapshot(new SnapshotName("s3"), onB.id().value(), Parameters.EMPTY, Secrets.NONE).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        Snapshot s2 = createSnap.createSnapshot(new SnapshotName("s2"), v2.id().value(), Parameters.EMPTY, Secrets.NONE).get();

        assertThat(list.listSnapshots(Optional.empty(), Optional.empty(), PageRequest.ALL).get().items()).containsExactly(s1, s2);
        assertThat(list.listSnapshots(Optional.empty(), Optional.of(v2.id().value()), PageRequest.ALL).get().items())
                .containsExactly(s2);
        assertThat(list.listSnapshots(Optional.of(s1.id().value()), Optional.empty(), PageRequest.ALL).get().items())
                .containsExactly(s1);
        assertThat(list.listSnapshots(Optional.of(s1.id().value()), Optional.of(v2.id().value()), PageRequest.ALL).get()
                .items()).isEmpty();
        assertThat(list.listSnapshots(Optional.of("a:v999999"), Optional.empty(), PageRequest.ALL).get().items()).isEmpty();
        assertThat(list.listSnapshots(Optional.empty(), Optional.of("nope:1"), PageRequest.ALL).get().items()).isEmpty();
        assertThat(list.listSnapshots(Optional.empty(), Optional.empty(), new PageRequest("x/y", 0)).getLeft())
                .isInstanceOf(Failure.InvalidToken.class);

        assertThat(get.getSnapshot(s2.id().value()).get()).isEqualTo(s2);
        assertThat(delete.deleteSnapshot(s2.id().value(), Secrets.NONE).isRight()).isTrue();
        assertThat(get.getSnapshot(s2.id().value()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(delete.deleteSnapshot(s2.id().value(), Secrets.NONE).isRight()).isTrue();
        assertThat(delete.deleteSnapshot("garbage", Secrets.NONE).isRight()).isTrue();
    }

    @Test
    void capabilitiesComeFromTheBackendsNotFromTheMode() {
        var describe = new DescribePluginService(new PluginIdentity("csi4j.io", "1.0"), backends);
        assertThat(describe.pluginCapabilities()).contains(PluginCapability.CONTROLLER_SERVICE,
                PluginCapability.VOLUME_ACCESSIBILITY_CONSTRAINTS, PluginCapability.ONLINE_EXPANSION);
        assertThat(describe.controllerCapabilities()).contains(ControllerCapability.CREATE_DELETE_SNAPSHOT,
                ControllerCapability.CLONE_VOLUME, ControllerCapability.EXPAND_VOLUME, ControllerCapability.GET_VOLUME)
                .doesNotContain(ControllerCapability.PUBLISH_UNPUBLISH_VOLUME,
                        ControllerCapability.LIST_VOLUMES_PUBLISHED_NODES, ControllerCapability.MODIFY_VOLUME);
        var onlyB = new DescribePluginService(new PluginIdentity("csi4j.io", "1.0"),
                new Backends(List.of(InMemoryVolumeBackend.named("b").withoutSnapshots().withoutExpansion()
                        .withoutCloning().build()), Optional.empty()));
        assertThat(onlyB.controllerCapabilities()).doesNotContain(ControllerCapability.CREATE_DELETE_SNAPSHOT,
                ControllerCapability.CLONE_VOLUME, ControllerCapability.EXPAND_VOLUME);
        assertThat(onlyB.pluginCapabilities()).containsExactly(PluginCapability.CONTROLLER_SERVICE);
    }

    @Test
    void probeReportsTheWorstBackend() {
        var probe = new ProbeService(backends);
        assertThat(probe.probe()).isInstanceOf(Health.Ready.class);
        b.health(new Health.Starting("warming up"));
        assertThat(probe.probe()).isInstanceOf(Health.Starting.class);
        a.health(new Health.Broken("root is not writable"));
        assertThat(probe.probe().detail()).isEqualTo("root is not writable");
    }

    @Test
    void foreignIdsAreRoutedToTheBackendThatRecognisesThem() {
        var legacy = new InMemoryVolumeBackendWithLegacyIds();
        var routed = new Backends(List.of(a, legacy), Optional.empty()).volume("volume_id", "/share-1").get();
        assertThat(routed.backend()).isSameAs(legacy);
        assertThat(routed.id().value()).isEqualTo("/share-1");
        assertThat(new Backends(List.of(a), Optional.empty()).volume("volume_id", "/share-1").getLeft())
                .isInstanceOf(Failure.NotFound.class);
    }

    /** A backend that claims ids of the form /name, like the Hammerspace plugin's. */
    private static final class InMemoryVolumeBackendWithLegacyIds extends DelegatingBackend {
        InMemoryVolumeBackendWithLegacyIds() {
            super(InMemoryVolumeBackend.named("legacy").build());
        }

        @Override
        public Optional<VolumeId> recogniseForeignId(String raw) {
            return raw.startsWith("/") ? Optional.of(VolumeId.foreign(name(), raw)) : Optional.empty();
        }
    }
}
