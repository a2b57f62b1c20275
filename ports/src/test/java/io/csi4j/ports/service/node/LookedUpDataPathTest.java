package io.csi4j.ports.service.node;

import static io.csi4j.ports.service.node.NodeScene.MIB;
import static io.csi4j.ports.service.node.NodeScene.RWO;
import static io.csi4j.ports.service.node.NodeScene.SHARES;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.fake.InMemoryVolumeBackend;
import io.csi4j.ports.in.NodeStageCommand;
import io.csi4j.ports.out.DataPathLookup;
import io.csi4j.ports.out.DataPathLookup.NodeDataPath;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.service.Backends;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A stage request whose contexts carry no data path (a volume made by the driver a backend replaces) gets it from
 * the backend that owns the volume; one that carries it never asks; what the backend answers is passed on typed.
 */
class LookedUpDataPathTest {

    private static final String EXPORT = "10.0.0.7:/legacy";
    private static final String BACKING = "10.0.0.7:/backing";
    private static final Map<String, String> ORIGINAL = Map.of("mode", "Filesystem", "fsType", "nfs",
            "mountBackingShareName", "");

    private final NodeScene node = new NodeScene();
    private final List<String> asked = new ArrayList<>();
    private Either<Failure, NodeDataPath> answer = Either.right(new NodeDataPath(
            new DataPath.NfsExport("10.0.0.7", "/legacy", List.of("nolock")), Optional.empty()));
    private final DataPathLookup lookup = (id, context, nodeName) -> {
        asked.add(id.value() + " " + context.values() + " on " + nodeName);
        return answer;
    };
    private final Backends backends = new Backends(List.of(
            InMemoryVolumeBackend.named("hs").dataPaths(lookup).build(),
            InMemoryVolumeBackend.named("plain").build()), Optional.empty());
    private final StageVolumeService stage = new StageVolumeService(node.host, node.settings, node.inFlight,
            node.locks, backends);

    LookedUpDataPathTest() {
        node.fake.addNfsExport(EXPORT, 1024 * MIB, Set.of("3", "4.2"));
        node.fake.addNfsExport(BACKING, 4096 * MIB, Set.of("3", "4.2"));
        node.fake.addFileToShare(BACKING, "pvc-img", 512 * MIB);
    }

    private Either<Failure, Done> stage(String id, Optional<DataPath> path, Map<String, String> context,
            VolumeCapability cap) {
        return stage.stage(new NodeStageCommand(id, node.staging(id.replace(':', '-')).toString(), cap, path,
                new Parameters(context), Parameters.EMPTY, Secrets.NONE));
    }

    private Optional<MountPoint> stagedAt(String id) {
        return node.at(node.staging(id.replace(':', '-')));
    }

    @Test
    void aContextWithoutADataPathAsksTheOwningBackendAndStagesWhatItSays() {
        assertThat(stage("hs:v000001", Optional.empty(), ORIGINAL, RWO).isRight()).isTrue();

        assertThat(asked).containsExactly("hs:v000001 " + new java.util.TreeMap<>(ORIGINAL) + " on node-1");
        assertThat(stagedAt("hs:v000001")).hasValueSatisfying(m -> assertThat(m.source()).isEqualTo(EXPORT));

        assertThat(stage("hs:v000001", Optional.empty(), ORIGINAL, RWO).isRight()).as("repeat").isTrue();
        assertThat(node.unstage.unstage("hs:v000001", node.staging("hs-v000001").toString()).isRight()).isTrue();
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void theFilesystemTheBackendNamesFormatsABlankImage() {
        answer = Either.right(new NodeDataPath(new DataPath.ImageOnNfs("10.0.0.7", "/backing", List.of(), "pvc-img"),
                Optional.of("xfs")));

        Either<Failure, Done> r = stage("hs:v000002", Optional.empty(), Map.of("fsType", "xfs",
                "mountBackingShareName", "backing"), RWO);

        assertThat(r.isRight()).as("%s", r).isTrue();

        assertThat(stagedAt("hs:v000002")).hasValueSatisfying(m -> assertThat(m.fsType()).isEqualTo("xfs"));
        assertThat(node.mounts()).anyMatch(m -> m.target().startsWith(SHARES) && m.source().equals(BACKING));
        assertThat(node.unstage.unstage("hs:v000002", node.staging("hs-v000002").toString()).isRight()).isTrue();
        assertThat(node.ourMounts()).isEmpty();
        assertThat(node.fake.loopDevices().list().get()).isEmpty();
    }

    @Test
    void aRequestCarryingItsDataPathNeverAsks() {
        DataPath own = new DataPath.NfsExport("10.0.0.7", "/legacy", List.of());

        assertThat(stage("hs:v000003", Optional.of(own), DataPathCodec.encode(own), RWO).isRight()).isTrue();

        assertThat(asked).isEmpty();
        assertThat(stagedAt("hs:v000003")).hasValueSatisfying(m -> assertThat(m.source()).isEqualTo(EXPORT));
        node.unstage.unstage("hs:v000003", node.staging("hs-v000003").toString());
    }

    @Test
    void whatTheBackendCannotAnswerIsPassedOnTypedAndNothingIsMounted() {
        for (Failure f : List.of(Failure.unavailable("Hammerspace at https://anvil is unreachable"),
                Failure.notFound("share legacy does not exist"),
                Failure.invalidArgument("volume_context mountBackingShareName names b2, the id /b1/x"))) {
            answer = Either.left(f);

            Either<Failure, Done> r = stage("hs:v000004", Optional.empty(), ORIGINAL, RWO);

            assertThat(r.getLeft()).isSameAs(f);
        }
        assertThat(asked).hasSize(3);
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void aBackendThatCannotTellMakesAMissingDataPathAnInvalidArgument() {
        Failure f = stage("plain:v000001", Optional.empty(), ORIGINAL, RWO).getLeft();

        assertThat(f).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(f.message()).contains("volume_context").contains("plain").contains("cannot tell");
        assertThat(asked).isEmpty();
    }

    @Test
    void badRequestsAreRefusedBeforeTheBackendIsAsked() {
        var badFlag = NodeScene.mount("", List.of("bind"), io.csi4j.domain.volume.AccessMode.SINGLE_NODE_WRITER);
        assertThat(stage("hs:v000005", Optional.empty(), ORIGINAL, badFlag).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(stage.stage(new NodeStageCommand("hs:v000005", "/etc/evil", RWO, Optional.empty(),
                new Parameters(ORIGINAL), Parameters.EMPTY, Secrets.NONE)).isLeft()).isTrue();

        assertThat(asked).isEmpty();
    }

    @Test
    void aServiceBuiltWithoutBackendsFindsNoOwnerForARequestWithoutADataPath() {
        Failure f = node.stage.stage(new NodeStageCommand("hs:v000006", node.staging("hs-v000006").toString(), RWO,
                Optional.empty(), new Parameters(ORIGINAL), Parameters.EMPTY, Secrets.NONE)).getLeft();

        assertThat(f).isInstanceOf(Failure.NotFound.class);
        assertThat(node.ourMounts()).isEmpty();
    }
}
