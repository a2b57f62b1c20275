package io.csi4j.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.storage.CSIDriver;
import io.fabric8.kubernetes.api.model.storage.CSIDriverSpec;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.volumesnapshot.api.model.VolumeSnapshotClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a rendered installation must satisfy beyond parsing. Each check returns the problems it found, one
 * sentence each naming the object, so a failing build says what to fix; an empty list means the check passed.
 */
final class ManifestChecks {

    static final String KUBELET_DIR = "/var/lib/kubelet";
    /** The placeholder base/ and the components use until components/driver-name copies the real name in. */
    static final String DRIVER_PLACEHOLDER = "driver.name.set.by.overlay";
    static final String DRIVER_CONTAINER = "csi4j";
    static final String REGISTRAR = "node-driver-registrar";

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CSIDriver", "StorageClass", "VolumeSnapshotClass", "PersistentVolume");

    private ManifestChecks() {}

    /** Every container image names a tag other than latest, or a digest: what runs is what was reviewed. */
    static List<String> imagesPinned(Manifest m) {
        List<String> problems = new ArrayList<>();
        for (var w : m.workloads()) {
            for (Container c : containers(w)) {
                String image = c.getImage();
                if (image == null || image.isBlank()) {
                    problems.add(w.describe() + " container " + c.getName() + " has no image");
                } else if (!DIGEST.matcher(image).matches() && !hasTag(image)) {
                    problems.add(w.describe() + " container " + c.getName() + " image " + image
                            + " is not pinned: give a tag (not latest) or a digest");
                }
            }
        }
        return problems;
    }

    private static boolean hasTag(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon > 0 && colon < last.length() - 1 && !last.substring(colon + 1).equals("latest");
    }

    /**
     * One CSIDriver, and its name everywhere the name must appear: StorageClass provisioners, VolumeSnapshotClass
     * drivers, the driver's CSI4J_DRIVER_NAME, the socket directory on the node and the path the registrar gives
     * kubelet (kubelet finds plugins by name under its plugins directory).
     */
    static List<String> driverNameAgrees(Manifest m) {
        List<CSIDriver> drivers = m.all(CSIDriver.class);
        if (drivers.size() != 1) {
            return List.of(m.source() + " has " + drivers.size() + " CSIDriver objects; an installation has exactly one");
        }
        String name = drivers.getFirst().getMetadata().getName();
        List<String> problems = new ArrayList<>();
        m.all(StorageClass.class).stream().filter(sc -> !name.equals(sc.getProvisioner())).forEach(sc -> problems.add(
                "StorageClass " + sc.getMetadata().getName() + " provisioner " + sc.getProvisioner() + " is not " + name));
        m.all(VolumeSnapshotClass.class).stream().filter(c -> !name.equals(c.getDriver())).forEach(c -> problems.add(
                "VolumeSnapshotClass " + c.getMetadata().getName() + " driver " + c.getDriver() + " is not " + name));
        for (var w : m.workloads()) {
            for (Container c : containers(w)) {
                if (c.getName().equals(DRIVER_CONTAINER)) {
                    String env = env(c, "CSI4J_DRIVER_NAME").orElse(null);
                    if (!name.equals(env)) {
                        problems.add(w.describe() + " driver CSI4J_DRIVER_NAME is " + env + ", not " + name);
                    }
                }
                if (c.getName().equals(REGISTRAR)) {
                    problems.addAll(registrarAgrees(w, c, name));
                }
            }
        }
        return problems;
    }

    private static List<String> registrarAgrees(Manifest.Workload w, Container registrar, String name) {
        List<String> problems = new ArrayList<>();
        String expected = KUBELET_DIR + "/plugins/" + name + "/csi.sock";
        String given = arg(registrar, "--kubelet-registration-path").orElse(null);
        if (!expected.equals(given)) {
            problems.add(w.describe() + " registrar --kubelet-registration-path is " + given + ", not " + expected);
        }
        String address = arg(registrar, "--csi-address").orElse("");
        String socketDir = address.contains("/") ? address.substring(0, address.lastIndexOf('/')) : "";
        Optional<Volume> socket = mountedAt(w, registrar, socketDir);
        String hostPath = socket.map(v -> v.getHostPath() == null ? null : v.getHostPath().getPath()).orElse(null);
        if (!(KUBELET_DIR + "/plugins/" + name).equals(hostPath)) {
            problems.add(w.describe() + " registrar's socket directory " + socketDir + " is host path " + hostPath
                    + ", not " + KUBELET_DIR + "/plugins/" + name);
        }
        return problems;
    }

    /** The CSIDriver states each field csi4j decides per backend instead of leaving it to the server's default. */
    static List<String> csiDriverExplicit(Manifest m) {
        List<String> problems = new ArrayList<>();
        for (CSIDriver d : m.all(CSIDriver.class)) {
            CSIDriverSpec s = d.getSpec();
            if (s == null) {
                problems.add("CSIDriver " + d.getMetadata().getName() + " has no spec");
                continue;
            }
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("attachRequired", s.getAttachRequired());
            fields.put("podInfoOnMount", s.getPodInfoOnMount());
            fields.put("fsGroupPolicy", s.getFsGroupPolicy());
            fields.put("storageCapacity", s.getStorageCapacity());
            fields.put("volumeLifecycleModes", s.getVolumeLifecycleModes() == null || s.getVolumeLifecycleModes().isEmpty()
                    ? null : s.getVolumeLifecycleModes());
            fields.put("seLinuxMount", s.getSeLinuxMount());
            fields.forEach((k, v) -> {
                if (v == null) {
                    problems.add("CSIDriver " + d.getMetadata().getName() + " does not set spec." + k);
                }
            });
        }
        return problems;
    }

    /**
     * Fields the API server requires, and the references between objects: selectors match their templates, mounts
     * name volumes of their pod, ServiceAccounts, roles and binding subjects exist, namespaced objects say where
     * they go, Bidirectional propagation only in privileged containers (the API server rejects it otherwise).
     */
    static List<String> requiredFieldsAndReferences(Manifest m) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata o : m.objects()) {
            String kind = o.getKind();
            if (o.getMetadata() == null || o.getMetadata().getName() == null || o.getMetadata().getName().isBlank()) {
                problems.add(kind + " without metadata.name in " + m.source());
            } else if (!CLUSTER_SCOPED.contains(kind) && o.getMetadata().getNamespace() == null) {
                problems.add(kind + " " + o.getMetadata().getName() + " has no namespace");
            }
        }
        for (var w : m.workloads()) {
            problems.addAll(podProblems(m, w));
        }
        for (RoleBinding b : m.all(RoleBinding.class)) {
            problems.addAll(bindingProblems(m, "RoleBinding " + b.getMetadata().getName(), b.getMetadata().getNamespace(),
                    b.getRoleRef(), b.getSubjects()));
        }
        for (ClusterRoleBinding b : m.all(ClusterRoleBinding.class)) {
            problems.addAll(bindingProblems(m, "ClusterRoleBinding " + b.getMetadata().getName(), null, b.getRoleRef(),
                    b.getSubjects()));
        }
        m.all(StorageClass.class).stream().filter(sc -> sc.getProvisioner() == null)
                .forEach(sc -> problems.add("StorageClass " + sc.getMetadata().getName() + " has no provisioner"));
        m.all(VolumeSnapshotClass.class).stream().filter(c -> c.getDriver() == null || c.getDeletionPolicy() == null)
                .forEach(c -> problems.add("VolumeSnapshotClass " + c.getMetadata().getName()
                        + " needs driver and deletionPolicy"));
        return problems;
    }

    private static List<String> podProblems(Manifest m, Manifest.Workload w) {
        List<String> problems = new ArrayList<>();
        if (w.spec() == null || w.spec().getContainers() == null || w.spec().getContainers().isEmpty()) {
            return List.of(w.describe() + " has no containers");
        }
        if (w.selector() != null) {
            if (w.selector().isEmpty()) {
                problems.add(w.describe() + " has no selector.matchLabels");
            }
            w.selector().forEach((k, v) -> {
                if (!v.equals(w.labels().get(k))) {
                    problems.add(w.describe() + " selector " + k + "=" + v + " does not match its pod template's labels");
                }
            });
        }
        Set<String> volumes = new HashSet<>();
        if (w.spec().getVolumes() != null) {
            w.spec().getVolumes().forEach(v -> {
                if (!volumes.add(v.getName())) {
                    problems.add(w.describe() + " declares volume " + v.getName() + " twice");
                }
            });
        }
        for (Container c : containers(w)) {
            if (c.getName() == null || c.getName().isBlank()) {
                problems.add(w.describe() + " has a container without a name");
                continue;
            }
            boolean privileged = c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
            for (VolumeMount vm : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
                if (!volumes.contains(vm.getName())) {
                    problems.add(w.describe() + " container " + c.getName() + " mounts undeclared volume " + vm.getName());
                }
                if ("Bidirectional".equals(vm.getMountPropagation()) && !privileged) {
                    problems.add(w.describe() + " container " + c.getName() + " mounts " + vm.getMountPath()
                            + " Bidirectional but is not privileged");
                }
            }
        }
        String sa = w.spec().getServiceAccountName();
        if (sa != null && !sa.equals("default") && m.find(ServiceAccount.class, w.namespace(), sa).isEmpty()
                && !m.all(ServiceAccount.class).isEmpty()) {
            problems.add(w.describe() + " uses ServiceAccount " + sa + ", which is not part of the installation");
        }
        return problems;
    }

    private static List<String> bindingProblems(Manifest m, String what, String namespace, RoleRef ref,
            List<Subject> subjects) {
        List<String> problems = new ArrayList<>();
        if (ref == null) {
            return List.of(what + " has no roleRef");
        }
        boolean found = switch (ref.getKind()) {
            case "ClusterRole" -> m.find(ClusterRole.class, null, ref.getName()).isPresent();
            case "Role" -> m.find(Role.class, namespace, ref.getName()).isPresent();
            default -> false;
        };
        if (!found) {
            problems.add(what + " refers to " + ref.getKind() + " " + ref.getName() + ", which is not part of the installation");
        }
        if (subjects == null || subjects.isEmpty()) {
            problems.add(what + " has no subjects");
            return problems;
        }
        for (Subject s : subjects) {
            if ("ServiceAccount".equals(s.getKind()) && m.find(ServiceAccount.class, s.getNamespace(), s.getName()).isEmpty()) {
                problems.add(what + " binds ServiceAccount " + s.getNamespace() + "/" + s.getName()
                        + ", which is not part of the installation");
            }
        }
        return problems;
    }

    /** Every container asks for CPU and memory and has a memory limit, so nodes can be sized and a leak is bounded. */
    static List<String> resourcesDeclared(Manifest m) {
        List<String> problems = new ArrayList<>();
        for (var w : m.workloads()) {
            if (w.describe().startsWith("Pod ")) {
                continue;
            }
            for (Container c : containers(w)) {
                var r = c.getResources();
                boolean ok = r != null && r.getRequests() != null && r.getRequests().containsKey("cpu")
                        && r.getRequests().containsKey("memory") && r.getLimits() != null
                        && r.getLimits().containsKey("memory");
                if (!ok) {
                    problems.add(w.describe() + " container " + c.getName() + " lacks cpu and memory requests or a "
                            + "memory limit");
                }
            }
        }
        return problems;
    }

    /**
     * Ports: names unique per container, numbers unique per pod, and the driver's liveness probe aimed at the port
     * livenessprobe actually serves.
     */
    static List<String> portsConsistent(Manifest m) {
        List<String> problems = new ArrayList<>();
        for (var w : m.workloads()) {
            Set<Integer> numbers = new HashSet<>();
            for (Container c : containers(w)) {
                Set<String> names = new HashSet<>();
                for (ContainerPort p : ports(c)) {
                    if (p.getName() != null && !names.add(p.getName())) {
                        problems.add(w.describe() + " container " + c.getName() + " has two ports named " + p.getName());
                    }
                    if (!numbers.add(p.getContainerPort())) {
                        problems.add(w.describe() + " uses port " + p.getContainerPort() + " twice");
                    }
                }
            }
            problems.addAll(livenessAgrees(w));
        }
        return problems;
    }

    private static List<String> livenessAgrees(Manifest.Workload w) {
        Optional<Container> probe = containers(w).stream().filter(c -> c.getName().equals("livenessprobe")).findFirst();
        Optional<Container> driver = containers(w).stream().filter(c -> c.getName().equals(DRIVER_CONTAINER)).findFirst();
        if (probe.isEmpty() || driver.isEmpty()) {
            return driver.isPresent() && !w.describe().startsWith("Pod ")
                    ? List.of(w.describe() + " runs the driver without the livenessprobe sidecar") : List.of();
        }
        Integer healthPort = arg(probe.get(), "--health-port").map(Integer::valueOf).orElse(9808);
        Integer declared = ports(driver.get()).stream().filter(p -> "healthz".equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
        List<String> problems = new ArrayList<>();
        if (!healthPort.equals(declared)) {
            problems.add(w.describe() + " livenessprobe serves port " + healthPort + " but the driver's healthz port is "
                    + declared);
        }
        var lp = driver.get().getLivenessProbe();
        if (lp == null || lp.getHttpGet() == null || !"healthz".equals(lp.getHttpGet().getPort().getStrVal())) {
            problems.add(w.describe() + " driver container has no liveness probe on its healthz port");
        }
        return problems;
    }

    /**
     * Ports that pods in the host's network namespace take on the node, by workload; two installations whose
     * lists overlap cannot run on the same node.
     */
    static Map<String, Set<Integer>> hostPorts(Manifest m) {
        Map<String, Set<Integer>> out = new java.util.TreeMap<>();
        for (var w : m.workloads()) {
            if (w.spec() != null && Boolean.TRUE.equals(w.spec().getHostNetwork())) {
                Set<Integer> ports = new java.util.TreeSet<>();
                containers(w).forEach(c -> ports(c).forEach(p -> ports.add(p.getContainerPort())));
                out.put(m.source() + " " + w.describe(), ports);
            }
        }
        return out;
    }

    /**
     * The node plugin can do its job: the driver container runs as root (the image's default user is not), is
     * privileged, and sees kubelet's directory at the same path with Bidirectional propagation (CSI §7.2: mounts it
     * makes must reach kubelet); every driver container shows its last log lines as its termination message.
     */
    static List<String> driverContainersCanWork(Manifest m) {
        List<String> problems = new ArrayList<>();
        for (var w : m.workloads()) {
            for (Container c : containers(w)) {
                if (!c.getName().equals(DRIVER_CONTAINER)) {
                    continue;
                }
                if (!"FallbackToLogsOnError".equals(c.getTerminationMessagePolicy())) {
                    problems.add(w.describe() + " driver container lacks terminationMessagePolicy: FallbackToLogsOnError");
                }
                if (w.describe().startsWith("DaemonSet ")) {
                    var sc = c.getSecurityContext();
                    if (sc == null || !Boolean.TRUE.equals(sc.getPrivileged()) || !Long.valueOf(0).equals(sc.getRunAsUser())) {
                        problems.add(w.describe() + " driver container is not privileged and root");
                    }
                    boolean kubelet = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream().anyMatch(vm ->
                            KUBELET_DIR.equals(vm.getMountPath()) && "Bidirectional".equals(vm.getMountPropagation()));
                    if (!kubelet) {
                        problems.add(w.describe() + " driver container does not mount " + KUBELET_DIR + " Bidirectional");
                    }
                }
            }
        }
        return problems;
    }

    /** Problems with one installation's Namespace object, if it ships one: privileged pods need the privileged level. */
    static List<String> namespaceAdmitsPrivileged(Manifest m) {
        List<String> problems = new ArrayList<>();
        for (Namespace ns : m.all(Namespace.class)) {
            var labels = ns.getMetadata().getLabels();
            if (labels == null || !"privileged".equals(labels.get("pod-security.kubernetes.io/enforce"))) {
                problems.add("Namespace " + ns.getMetadata().getName() + " does not admit privileged pods "
                        + "(pod-security.kubernetes.io/enforce: privileged)");
            }
        }
        return problems;
    }

    static List<Container> containers(Manifest.Workload w) {
        if (w.spec() == null) {
            return List.of();
        }
        return Stream.concat(Optional.ofNullable(w.spec().getInitContainers()).orElse(List.of()).stream(),
                Optional.ofNullable(w.spec().getContainers()).orElse(List.of()).stream()).toList();
    }

    static Optional<String> env(Container c, String name) {
        return Optional.ofNullable(c.getEnv()).orElse(List.of()).stream().filter(e -> name.equals(e.getName()))
                .map(EnvVar::getValue).filter(Objects::nonNull).findFirst();
    }

    static Optional<String> arg(Container c, String flag) {
        return Optional.ofNullable(c.getArgs()).orElse(List.of()).stream().filter(a -> a.startsWith(flag + "="))
                .map(a -> a.substring(flag.length() + 1)).findFirst();
    }

    private static List<ContainerPort> ports(Container c) {
        return c.getPorts() == null ? List.of() : c.getPorts();
    }

    private static Optional<Volume> mountedAt(Manifest.Workload w, Container c, String path) {
        Optional<String> volume = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                .filter(vm -> path.equals(vm.getMountPath())).map(VolumeMount::getName).findFirst();
        return volume.flatMap(name -> Optional.ofNullable(w.spec().getVolumes()).orElse(List.of()).stream()
                .filter(v -> name.equals(v.getName())).findFirst());
    }
}
