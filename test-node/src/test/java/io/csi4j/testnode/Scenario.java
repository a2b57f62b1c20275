package io.csi4j.testnode;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.NodeGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the guest scenarios: the test node, its evidence, and kubelet's part of each call (it makes the staging
 * directory and the target's parent; the plugin does the rest).
 */
@ExtendWith(TestNodeExtension.class)
abstract class Scenario {

    protected final TestNode node;
    protected final Guest guest;

    Scenario(TestNode node) {
        this.node = node;
        this.guest = new Guest(node.agent);
    }

    protected NodeGrpc.NodeBlockingStub csi() {
        return node.node();
    }

    /** What a test staged and published, undone after it even when it failed, so one failure stays one. */
    private final List<Runnable> undo = new ArrayList<>();

    @AfterEach
    final void undoWhatTheTestLeft() {
        for (Runnable r : undo.reversed()) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // Best effort: the test's own assertions already said what went wrong.
            }
        }
    }

    /** Something to undo after the test, after what it staged and published later (the undo runs in reverse). */
    protected void atEnd(Runnable undoing) {
        undo.add(undoing);
    }

    protected void stage(Requests v) {
        guest.must("mkdir -p " + v.staging());
        undo.add(() -> csi().nodeUnstageVolume(v.unstage()));
        csi().nodeStageVolume(v.stage());
    }

    protected void publish(Requests v, String pod, boolean readOnly) {
        guest.must("mkdir -p " + parent(v.target(pod)));
        undo.add(() -> csi().nodeUnpublishVolume(v.unpublish(pod)));
        csi().nodePublishVolume(v.publish(pod, readOnly));
    }

    protected void unpublish(Requests v, String pod) {
        csi().nodeUnpublishVolume(v.unpublish(pod));
    }

    protected void unstage(Requests v) {
        csi().nodeUnstageVolume(v.unstage());
    }

    /** The status a call fails with; fails the test when it succeeds. */
    protected static Status failure(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
        throw new AssertionError("the call succeeded but was expected to fail");
    }

    /** Nothing of this volume is mounted any more, and its staging directory holds no record of ours. */
    protected void assertNothingLeft(Requests v) {
        assertThat(guest.mounts()).noneMatch(m -> m.target().startsWith(v.staging())
                || m.target().contains("/volumes/kubernetes.io~csi/" + v.directoryName() + "/"));
        assertThat(guest.run("ls -A " + v.staging()).output().strip()).as("left in the staging directory").isEmpty();
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }
}
