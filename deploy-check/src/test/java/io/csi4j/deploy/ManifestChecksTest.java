package io.csi4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check catches the mistake it exists for, and lets the correct form through. */
class ManifestChecksTest {

    private static final String DRIVER = """
            apiVersion: storage.k8s.io/v1
            kind: CSIDriver
            metadata: {name: example.csi4j.io}
            spec: {attachRequired: false, podInfoOnMount: false, fsGroupPolicy: File, storageCapacity: false,
                   volumeLifecycleModes: [Persistent], seLinuxMount: false}
            """;

    private static String node(String registrationPath, String socketHostPath, String driverEnv, String image) {
        return """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: node, namespace: ns}
                spec:
                  selector: {matchLabels: {app: node}}
                  template:
                    metadata: {labels: {app: node}}
                    spec:
                      containers:
                        - name: csi4j
                          image: %s
                          env: [{name: CSI4J_DRIVER_NAME, value: %s}]
                          securityContext: {privileged: true, runAsUser: 0}
                          terminationMessagePolicy: FallbackToLogsOnError
                          ports: [{name: healthz, containerPort: 9808}]
                          livenessProbe: {httpGet: {path: /healthz, port: healthz}}
                          volumeMounts: [{name: socket-dir, mountPath: /csi}, {name: kubelet, mountPath: /var/lib/kubelet,
                                          mountPropagation: Bidirectional}]
                        - name: node-driver-registrar
                          image: registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.18.0
                          args: [--csi-address=/csi/csi.sock, --kubelet-registration-path=%s]
                          volumeMounts: [{name: socket-dir, mountPath: /csi}]
                        - name: livenessprobe
                          image: registry.k8s.io/sig-storage/livenessprobe:v2.20.0
                          args: [--csi-address=/csi/csi.sock, --health-port=9808]
                          volumeMounts: [{name: socket-dir, mountPath: /csi}]
                      volumes:
                        - name: socket-dir
                          hostPath: {path: %s}
                        - name: kubelet
                          hostPath: {path: /var/lib/kubelet}
                """.formatted(image, driverEnv, registrationPath, socketHostPath);
    }

    private static Manifest manifest(String... docs) {
        return Manifest.parse("test", String.join("---\n", docs));
    }

    private static final String GOOD_NODE = node("/var/lib/kubelet/plugins/example.csi4j.io/csi.sock",
            "/var/lib/kubelet/plugins/example.csi4j.io", "example.csi4j.io", "ghcr.io/csi4j/csi4j:0.1.0");

    @Test
    void aConsistentInstallationPasses() {
        Manifest m = manifest(DRIVER, GOOD_NODE);
        assertThat(ManifestChecks.driverNameAgrees(m)).isEmpty();
        assertThat(ManifestChecks.imagesPinned(m)).isEmpty();
        assertThat(ManifestChecks.portsConsistent(m)).isEmpty();
        assertThat(ManifestChecks.requiredFieldsAndReferences(m)).isEmpty();
        assertThat(ManifestChecks.csiDriverExplicit(m)).isEmpty();
        assertThat(ManifestChecks.driverContainersCanWork(m)).isEmpty();
    }

    @Test
    void aNodePluginThatCannotMountOrHidesWhyItExitedIsReported() {
        Manifest m = manifest(DRIVER, GOOD_NODE.replace("runAsUser: 0", "runAsUser: 10001")
                .replace("terminationMessagePolicy: FallbackToLogsOnError", "terminationMessagePolicy: File"));
        assertThat(ManifestChecks.driverContainersCanWork(m)).hasSize(2);
    }

    @Test
    void aMisspeltFieldFailsToParseInsteadOfBeingIgnored() {
        assertThatThrownBy(() -> manifest(GOOD_NODE.replace("livenessProbe:", "livenesProbe:")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("livenesProbe");
    }

    @Test
    void anUnknownKindIsRejected() {
        assertThatThrownBy(() -> manifest("apiVersion: v1\nkind: ConfigMapp\nmetadata: {name: x}\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("v1/ConfigMapp");
    }

    @Test
    void unpinnedImagesAreReported() {
        for (String image : new String[] {"ghcr.io/csi4j/csi4j", "ghcr.io/csi4j/csi4j:latest", "localhost:5000/csi4j"}) {
            Manifest m = manifest(DRIVER, GOOD_NODE.replace("ghcr.io/csi4j/csi4j:0.1.0", image));
            assertThat(ManifestChecks.imagesPinned(m)).as(image).singleElement().asString().contains(image);
        }
        Manifest digest = manifest(DRIVER, GOOD_NODE.replace("ghcr.io/csi4j/csi4j:0.1.0",
                "ghcr.io/csi4j/csi4j@sha256:" + "a".repeat(64)));
        assertThat(ManifestChecks.imagesPinned(digest)).isEmpty();
    }

    @Test
    void aDriverNameThatDiffersAnywhereIsReported() {
        String wrongRegistrar = node("/var/lib/kubelet/plugins/other/csi.sock", "/var/lib/kubelet/plugins/example.csi4j.io",
                "example.csi4j.io", "a/b:1");
        String wrongSocketDir = node("/var/lib/kubelet/plugins/example.csi4j.io/csi.sock", "/var/lib/kubelet/plugins/x",
                "example.csi4j.io", "a/b:1");
        String wrongEnv = node("/var/lib/kubelet/plugins/example.csi4j.io/csi.sock",
                "/var/lib/kubelet/plugins/example.csi4j.io", "csi4j.io", "a/b:1");
        String wrongClass = """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: sc}
                provisioner: csi4j.io
                """;
        assertThat(ManifestChecks.driverNameAgrees(manifest(DRIVER, wrongRegistrar))).singleElement().asString()
                .contains("--kubelet-registration-path");
        assertThat(ManifestChecks.driverNameAgrees(manifest(DRIVER, wrongSocketDir))).singleElement().asString()
                .contains("socket directory");
        assertThat(ManifestChecks.driverNameAgrees(manifest(DRIVER, wrongEnv))).singleElement().asString()
                .contains("CSI4J_DRIVER_NAME");
        assertThat(ManifestChecks.driverNameAgrees(manifest(DRIVER, GOOD_NODE, wrongClass))).singleElement()
                .asString().contains("StorageClass sc");
        assertThat(ManifestChecks.driverNameAgrees(manifest(GOOD_NODE))).singleElement().asString()
                .contains("0 CSIDriver");
    }

    @Test
    void aLivenessProbeOnAnotherPortThanLivenessprobeServesIsReported() {
        Manifest m = manifest(DRIVER, GOOD_NODE.replace("--health-port=9808", "--health-port=9820"));
        assertThat(ManifestChecks.portsConsistent(m)).singleElement().asString().contains("9820");
    }

    @Test
    void bidirectionalPropagationOutsideAPrivilegedContainerIsReported() {
        Manifest m = manifest(DRIVER, GOOD_NODE.replace("securityContext: {privileged: true, runAsUser: 0}",
                "securityContext: {}").replace(", {name: kubelet, mountPath: /var/lib/kubelet,\n"
                + "                          mountPropagation: Bidirectional}", "")
                .replace("livenessProbe: {httpGet: {path: /healthz, port: healthz}}\n          volumeMounts: [{name: socket-dir, "
                        + "mountPath: /csi}]", "livenessProbe: {httpGet: {path: /healthz, port: healthz}}\n          volumeMounts: "
                        + "[{name: socket-dir, mountPath: /csi, mountPropagation: Bidirectional}]"));
        assertThat(ManifestChecks.requiredFieldsAndReferences(m)).singleElement().asString().contains("Bidirectional");
    }

    @Test
    void referencesToMissingObjectsAreReported() {
        String binding = """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: missing}
                subjects: [{kind: ServiceAccount, name: nobody, namespace: ns}]
                """;
        String account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: someone, namespace: ns}\n";
        assertThat(ManifestChecks.requiredFieldsAndReferences(manifest(DRIVER, GOOD_NODE.replace(
                "args: [--csi-address=/csi/csi.sock, --health-port=9808]\n          volumeMounts: [{name: socket-dir, mountPath: /csi}]",
                "args: [--csi-address=/csi/csi.sock, --health-port=9808]\n          volumeMounts: [{name: nowhere, mountPath: /x}]"),
                binding, account)))
                .anySatisfy(p -> assertThat(p).contains("ClusterRole missing"))
                .anySatisfy(p -> assertThat(p).contains("ServiceAccount ns/nobody"))
                .anySatisfy(p -> assertThat(p).contains("undeclared volume nowhere"));
    }

    @Test
    void aCsiDriverLeavingAFieldToTheDefaultIsReported() {
        assertThat(ManifestChecks.csiDriverExplicit(manifest(DRIVER.replace(" seLinuxMount: false", ""))))
                .singleElement().asString().contains("seLinuxMount");
    }

    /** An overlay that forgets the driver-name component ships the placeholder: the checks catch it. */
    @Test
    void anOverlayWithoutTheDriverNameComponentFailsTheChecks(@TempDir Path dir) throws IOException {
        Path overlay = Files.createDirectories(dir.resolve("broken"));
        Files.copy(Repository.kubernetes().resolve("overlays/local/csidriver.yaml"), overlay.resolve("csidriver.yaml"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                namespace: demo
                resources: [%s, csidriver.yaml]
                images: [{name: csi4j, newName: ghcr.io/csi4j/csi4j, newTag: "0.1.0"}]
                """.formatted(overlay.relativize(Repository.kubernetes().resolve("base"))));
        String rendered = Kubectl.kustomize(overlay);
        assertThat(rendered).contains(ManifestChecks.DRIVER_PLACEHOLDER);
        assertThat(ManifestChecks.driverNameAgrees(Manifest.parse("broken", rendered))).hasSize(3);
    }
}
