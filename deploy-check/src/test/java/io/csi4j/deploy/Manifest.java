package io.csi4j.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The typed objects of one rendered overlay (or one set of examples), with the lookups the checks need. */
record Manifest(String source, List<HasMetadata> objects) {

    Manifest {
        objects = List.copyOf(objects);
    }

    static Manifest parse(String source, String yaml) {
        return new Manifest(source, KubernetesObjects.parse(source, yaml));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())
                && (namespace == null || namespace.equals(o.getMetadata().getNamespace()))).findFirst();
    }

    /** A pod template or pod: where it comes from, its namespace and labels, and its spec. */
    record Workload(String describe, String namespace, Map<String, String> labels, Map<String, String> selector,
            PodSpec spec) {}

    /** Every pod spec; a workload without a template or spec is a required-field problem, reported by the checks. */
    List<Workload> workloads() {
        var out = new java.util.ArrayList<Workload>();
        for (Deployment d : all(Deployment.class)) {
            if (d.getSpec() != null && d.getSpec().getTemplate() != null) {
                out.add(workload("Deployment " + d.getMetadata().getName(), d.getMetadata().getNamespace(),
                        d.getSpec().getTemplate(), d.getSpec().getSelector()));
            }
        }
        for (DaemonSet d : all(DaemonSet.class)) {
            if (d.getSpec() != null && d.getSpec().getTemplate() != null) {
                out.add(workload("DaemonSet " + d.getMetadata().getName(), d.getMetadata().getNamespace(),
                        d.getSpec().getTemplate(), d.getSpec().getSelector()));
            }
        }
        for (Pod p : all(Pod.class)) {
            out.add(new Workload("Pod " + p.getMetadata().getName(), p.getMetadata().getNamespace(),
                    p.getMetadata().getLabels(), null, p.getSpec()));
        }
        return out;
    }

    private static Workload workload(String describe, String namespace, PodTemplateSpec template, LabelSelector selector) {
        Map<String, String> labels = template.getMetadata() == null ? Map.of() : template.getMetadata().getLabels();
        return new Workload(describe, namespace, labels == null ? Map.of() : labels,
                selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels(),
                template.getSpec());
    }
}
