package io.csi4j.adapters.intelliflash;

import static io.csi4j.adapters.intelliflash.Requests.BLOCK_RWO;
import static io.csi4j.adapters.intelliflash.Requests.node;
import static io.csi4j.adapters.intelliflash.Requests.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.intelliflash.core.ArrayBackend;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.PublishSupport;
import io.csi4j.simulator.intelliflash.model.San;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block backend's own behaviour: LUN mappings, initiators and host groups, CHAP, raw block, expansion. */
class BlockBackendTest {

    static final String PATH = "pool-a/Local/csi-block/";

    @TempDir
    Path dir;

    SimulatedArray array;
    ArrayBackend backend;

    void start(boolean inherit, Chap chap) {
        array = SimulatedArray.start(dir);
        backend = SimulatedArray.open(new IntelliFlashConfig(new io.csi4j.domain.id.BackendName("intelliflash"),
                Flavour.BLOCK, List.of(array.array("csi-block", inherit, Optional.empty())), chap, SimulatedArray.SMALL,
                SimulatedArray.fastRest()), Optional.empty());
    }

    @AfterEach
    void stop() {
        backend.close();
        array.close();
    }

    static <T> T ok(Either<Failure, T> r) {
        assertThat(r.isRight()).as("expected success, got %s", r.isLeft() ? r.getLeft() : "").isTrue();
        return r.get();
    }

    PublishSupport publishing() {
        return backend.publishing().orElseThrow();
    }

    <T> T sim(java.util.function.Supplier<T> read) {
        return array.simulator.model().locked(read);
    }

    @Test
    void aLunInheritsTheProjectsViewAndItsContextNamesTargetAndLun() {
        start(true, Chap.NONE);

        Volume v = ok(backend.create(spec("pvc-1", Map.of())));

        assertThat(v.id().value()).isEqualTo("array1:csi-block:pvc-1");
        assertThat(v.dataPath()).isEqualTo(new DataPath.IscsiLun(List.of("127.0.0.1:3260"),
                "iqn.2012-02.com.tegile:csi", 0, false));
        assertThat(sim(() -> ((io.csi4j.simulator.intelliflash.model.Volume) array.simulator.model().datasets
                .get(PATH + "pvc-1")).thin)).isTrue();
    }

    @Test
    void withoutInheritanceTheConfiguredMappingIsMade() {
        start(false, Chap.NONE);

        ok(backend.create(spec("pvc-2", Map.of())));

        assertThat(sim(() -> ((io.csi4j.simulator.intelliflash.model.Volume) array.simulator.model().datasets
                .get(PATH + "pvc-2")).views)).extracting(io.csi4j.simulator.intelliflash.model.View::hostGroupName)
                .containsExactly("csi-hg");
    }

    @Test
    void aProjectWithoutViewsToInheritIsRefusedAndNothingIsLeft() {
        start(true, Chap.NONE);
        sim(() -> {
            array.simulator.model().projects.get("pool-a/Local/csi-block").defaultViews.clear();
            return null;
        });
        String before = array.simulator.stateJson();

        assertThat(backend.create(spec("pvc-3", Map.of())).getLeft()).isInstanceOf(Failure.FailedPrecondition.class);

        assertThat(array.simulator.stateJson()).isEqualTo(before);
    }

    @Test
    void publishingRegistersTheInitiatorWithChapInTheHostGroupAndHandsOutTheLun() {
        start(true, new Chap(true, "chapuser", "chapsecret123", Optional.empty()));
        Volume v = ok(backend.create(spec("pvc-4", Map.of())));
        NodeId n = node("node1", "10.0.0.1");

        Map<String, String> context = ok(publishing().publish(v.id(), n, BLOCK_RWO, false, Secrets.NONE));
        Map<String, String> again = ok(publishing().publish(v.id(), n, BLOCK_RWO, false, Secrets.NONE));

        assertThat(again).isEqualTo(context);
        assertThat(DataPathCodec.decode(context).get()).contains(new DataPath.IscsiLun(List.of("127.0.0.1:3260"),
                "iqn.2012-02.com.tegile:csi", 0, true));
        assertThat(context.toString()).doesNotContain("chapsecret123");
        San.Initiator i = sim(() -> array.simulator.model().san.initiators.get("iqn.2024-01.test.kvmnode:node1"));
        assertThat(i.group).isEqualTo("csi-hg");
        assertThat(i.chapUser).isEqualTo("chapuser");
        assertThat(ok(publishing().publishedNodes(v.id()))).containsExactly(n);

        ok(publishing().unpublish(v.id(), Optional.of(n), Secrets.NONE));
        assertThat(ok(publishing().publishedNodes(v.id()))).isEmpty();
        assertThat(sim(() -> array.simulator.model().san.initiators.get("iqn.2024-01.test.kvmnode:node1").group))
                .as("the host group serves other LUNs too").isEqualTo("csi-hg");
    }

    @Test
    void aNodeWithoutInitiatorNameOrInAnotherGroupIsRefused() {
        start(true, Chap.NONE);
        Volume v = ok(backend.create(spec("pvc-5", Map.of())));
        sim(() -> {
            var san = array.simulator.model().san;
            san.initiatorGroups.put("elsewhere", true);
            San.Initiator i = new San.Initiator("iqn.2024-01.test.kvmnode:node2", "", "");
            i.group = "elsewhere";
            san.initiators.put(i.name, i);
            return null;
        });

        assertThat(publishing().publish(v.id(), NodeFacts.named("bare").toId(), BLOCK_RWO, false, Secrets.NONE).getLeft())
                .isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(publishing().publish(v.id(), node("node2", "10.0.0.2"), BLOCK_RWO, false, Secrets.NONE).getLeft())
                .isInstanceOf(Failure.FailedPrecondition.class).extracting(Failure::message).asString()
                .contains("elsewhere");
    }

    @Test
    void rawBlockMayBeSharedButAFilesystemHasOneWriter() {
        start(true, Chap.NONE);

        assertThat(backend.validate(Parameters.EMPTY, List.of(VolumeCapability.block(AccessMode.MULTI_NODE_MULTI_WRITER)))
                .isRight()).isTrue();
        assertThat(backend.validate(Parameters.EMPTY, List.of(VolumeCapability.mount("ext4", AccessMode.MULTI_NODE_READER_ONLY)))
                .isRight()).isTrue();
        assertThat(backend.validate(Parameters.EMPTY, List.of(VolumeCapability.mount("ext4",
                AccessMode.MULTI_NODE_MULTI_WRITER))).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(backend.validate(new Parameters(Map.of("mountFsType", "nfs")), List.of(BLOCK_RWO)).getLeft())
                .as("file parameters are unknown here").isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void growingALunAsksTheNodeToRescanAndGrowEvenOnARepeat() {
        start(true, Chap.NONE);
        Volume v = ok(backend.create(spec("pvc-6", Map.of("blockSize", "64KB"))));

        var grown = ok(backend.expansion().orElseThrow().expand(v.id(), 4 * SimulatedArray.SMALL, false, Secrets.NONE));
        var again = ok(backend.expansion().orElseThrow().expand(v.id(), 4 * SimulatedArray.SMALL, false, Secrets.NONE));

        assertThat(grown.nodeExpansionRequired()).isTrue();
        assertThat(again.nodeExpansionRequired()).isTrue();
        assertThat(array.data(v).toFile().length()).isEqualTo(4 * SimulatedArray.SMALL);
    }

    @Test
    void aVolumeDeletedWithSnapshotsLosesItsViews() {
        start(true, Chap.NONE);
        Volume v = ok(backend.create(spec("pvc-7", Map.of())));
        ok(backend.snapshots().orElseThrow().create(new io.csi4j.domain.id.SnapshotName("s"), v.id(), Parameters.EMPTY,
                Secrets.NONE));

        ok(backend.delete(v.id(), Secrets.NONE));

        assertThat(sim(() -> ((io.csi4j.simulator.intelliflash.model.Volume) array.simulator.model().datasets
                .get(PATH + "pvc-7")).views)).isEmpty();
    }
}
