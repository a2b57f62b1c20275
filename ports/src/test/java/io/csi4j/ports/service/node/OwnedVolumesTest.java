package io.csi4j.ports.service.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.fake.InMemoryVolumeBackend;
import io.csi4j.ports.in.NodePublishCommand;
import io.csi4j.ports.in.NodeStageCommand;
import io.csi4j.ports.in.NodeVolumeStats;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.service.Backends;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Node calls for a volume of a backend this process does not serve never reach the host. */
class OwnedVolumesTest {

    private static final VolumeCapability RWO = VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);

    private final List<String> reached = new ArrayList<>();
    private final NodeVolumeUseCases guarded = OwnedVolumes.guard(recording(),
            new Backends(List.of(InMemoryVolumeBackend.named("local").build()), Optional.empty()));

    @Test
    void callsThatNeedAnExistingVolumeAreNotFoundForAnUnknownBackend() {
        String unknown = "nope:v000001";
        assertThat(guarded.stage().stage(stage(unknown)).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(guarded.publish().publish(publish(unknown)).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(guarded.stats().stats(unknown, "/k/t", Optional.empty()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(guarded.expand().expand(unknown, "/k/t", Optional.empty(), CapacityRange.UNSPECIFIED,
                Optional.empty()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(reached).isEmpty();
    }

    @Test
    void undoingCallsPassForAnyVolumeSoWhateverIsAtThePathComesOff() {
        assertThat(guarded.unstage().unstage("nope:v000001", "/k/s").isRight()).isTrue();
        assertThat(guarded.unpublish().unpublish("nope:v000001", "/k/t").isRight()).isTrue();
        assertThat(reached).containsExactly("unstage", "unpublish");
    }

    @Test
    void callsForAServedBackendReachTheUseCases() {
        String id = "local:v000001";
        assertThat(guarded.stage().stage(stage(id)).isRight()).isTrue();
        assertThat(guarded.publish().publish(publish(id)).isRight()).isTrue();
        assertThat(guarded.stats().stats(id, "/k/t", Optional.empty()).isRight()).isTrue();
        assertThat(guarded.expand().expand(id, "/k/t", Optional.empty(), CapacityRange.UNSPECIFIED, Optional.empty())
                .isRight()).isTrue();
        assertThat(reached).containsExactly("stage", "publish", "stats", "expand");
    }

    @Test
    void aMalformedIdIsAnInvalidArgument() {
        assertThat(guarded.stage().stage(stage("bad\u0001id")).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(reached).isEmpty();
    }

    private static NodeStageCommand stage(String id) {
        return new NodeStageCommand(id, "/k/s", RWO, new DataPath.LocalDirectory("/l/v"), Parameters.EMPTY,
                Parameters.EMPTY, Secrets.NONE);
    }

    private static NodePublishCommand publish(String id) {
        return new NodePublishCommand(id, "/k/s", "/k/t", RWO, false);
    }

    private NodeVolumeUseCases recording() {
        return new NodeVolumeUseCases(
                c -> done("stage"),
                (id, path) -> done("unstage"),
                c -> done("publish"),
                (id, path) -> done("unpublish"),
                (id, path, staging) -> {
                    reached.add("stats");
                    return Either.right(NodeVolumeStats.block(1, VolumeCondition.healthy("ok")));
                },
                (id, path, staging, range, capability) -> {
                    reached.add("expand");
                    return Either.right(1L);
                },
                new DescribeNodeService(new NodeSettings(io.csi4j.domain.id.NodeFacts.named("n"), Optional.empty(),
                        List.of(), "ext4", 0)));
    }

    private Either<Failure, Done> done(String call) {
        reached.add(call);
        return Either.right(Done.DONE);
    }
}
