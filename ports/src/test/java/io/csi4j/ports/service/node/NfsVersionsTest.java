package io.csi4j.ports.service.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.service.node.NfsVersions.Attempt;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NfsVersionsTest {

    private static final List<String> ORDER = NodeSettings.DEFAULT_NFS_VERSIONS;

    private static List<Attempt> plan(List<String> flags, List<String> path, Optional<String> context, boolean ro) {
        return NfsVersions.plan(flags, path, context, ORDER, ro).get();
    }

    @Test
    void withNothingNamedTheNodesOrderIsTriedNewestFirst() {
        assertThat(plan(List.of(), List.of(), Optional.empty(), false)).extracting(Attempt::version)
                .containsExactly("4.2", "4.1", "4.0", "3");
        assertThat(plan(List.of(), List.of(), Optional.empty(), false).getFirst().options()).containsExactly("vers=4.2");
    }

    @Test
    void mountFlagsWinOverTheDataPathWhichWinsOverTheContext() {
        assertThat(plan(List.of("nfsvers=3"), List.of("vers=4.1"), Optional.of("4.2"), false))
                .extracting(Attempt::version).containsExactly("3");
        assertThat(plan(List.of(), List.of("vers=4.1"), Optional.of("4.2"), false)).extracting(Attempt::version)
                .containsExactly("4.1");
        assertThat(plan(List.of(), List.of(), Optional.of("4.1, 3"), false)).extracting(Attempt::version)
                .containsExactly("4.1", "3");
    }

    @Test
    void nolockGoesOnlyToAnNfsV3AttemptAndOnlyWhenAskedFor() {
        List<Attempt> attempts = plan(List.of("nolock"), List.of(), Optional.empty(), false);

        assertThat(attempts.get(0).options()).containsExactly("vers=4.2");
        assertThat(attempts.get(3).options()).containsExactly("vers=3", "nolock");
        assertThat(plan(List.of(), List.of(), Optional.of("3"), false).getFirst().options()).containsExactly("vers=3");
    }

    @Test
    void readOnlyReplacesRwAndOtherOptionsStayOnceWithTheFlagsValue() {
        Attempt a = plan(List.of("rw", "timeo=600"), List.of("timeo=100", "hard"), Optional.of("4.1"), true)
                .getFirst();

        assertThat(a.options()).containsExactly("timeo=600", "hard", "ro", "vers=4.1");
    }

    @Test
    void unknownVersionsAndHostileOptionsAreInvalidArguments() {
        assertThat(NfsVersions.plan(List.of("vers=2"), List.of(), Optional.empty(), ORDER, false).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(NfsVersions.plan(List.of(), List.of(), Optional.of("4.1,x"), ORDER, false).getLeft().message())
                .contains(NfsVersions.CONTEXT_KEY);
        assertThat(NfsVersions.plan(List.of(), List.of(), Optional.of(" "), ORDER, false).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(NfsVersions.plan(List.of(), List.of("remount"), Optional.empty(), ORDER, false).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
    }
}
