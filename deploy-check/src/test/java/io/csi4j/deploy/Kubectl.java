package io.csi4j.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code kubectl kustomize}, offline. Where kubectl is missing the build says so: on a developer machine the render
 * checks are skipped with a message on stderr; in CI (environment variable {@code CI} set, as CI services do, or
 * {@code -Dcsi4j.requireKubectl=true}) a missing kubectl fails the build, so the checks can never pass unseen.
 */
final class Kubectl {

    static final Duration RENDER_LIMIT = Duration.ofSeconds(60);
    private static final String INSTALL = "install kubectl 1.32 or newer (it carries kustomize), e.g. "
            + "https://kubernetes.io/docs/tasks/tools/";

    private Kubectl() {}

    /** kubectl, or the test is aborted (developer machine) or failed (CI) with a message saying why. */
    static Tool require() {
        Optional<Tool> kubectl = Tool.onPath("kubectl");
        if (kubectl.isPresent()) {
            return kubectl.get();
        }
        String message = "kubectl is not on PATH, so the Kustomize overlays under deploy/kubernetes were NOT "
                + "rendered or validated: " + INSTALL;
        if (required()) {
            throw new AssertionError(message + " (required here: CI is set or -Dcsi4j.requireKubectl=true)");
        }
        System.err.println("WARNING: " + message);
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    static boolean required() {
        String ci = System.getenv("CI");
        return Boolean.getBoolean("csi4j.requireKubectl")
                || (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"));
    }

    /** The overlay rendered as kubectl apply -k would send it. */
    static String kustomize(Path overlay) {
        return require().output(RENDER_LIMIT, "kustomize", overlay.toString());
    }
}
