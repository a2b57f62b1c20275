package io.csi4j.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.storage.CSIDriver;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.volumesnapshot.api.model.VolumeSnapshot;
import io.fabric8.volumesnapshot.api.model.VolumeSnapshotClass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML documents into their Kubernetes types, strictly: the apiVersion and kind must be one this project
 * ships, and a field the type does not have is an error naming the field (the fabric8 model would otherwise keep
 * it quietly in "additional properties", where a misspelt field would pass).
 */
final class KubernetesObjects {

    /** The kinds csi4j's manifests and examples use, by apiVersion/kind. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolume", PersistentVolume.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/DaemonSet", DaemonSet.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
            Map.entry("storage.k8s.io/v1/CSIDriver", CSIDriver.class),
            Map.entry("storage.k8s.io/v1/StorageClass", StorageClass.class),
            Map.entry("snapshot.storage.k8s.io/v1/VolumeSnapshotClass", VolumeSnapshotClass.class),
            Map.entry("snapshot.storage.k8s.io/v1/VolumeSnapshot", VolumeSnapshot.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = new ObjectMapper()
            .setAnnotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private KubernetesObjects() {}

    /** Every document of a multi-document YAML text, typed; {@code source} names it in error messages. */
    static List<HasMetadata> parse(String source, String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int n = 0;
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                n++;
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                out.add(typed(source + " document " + n, doc));
            }
        } catch (IOException e) {
            throw new AssertionError(source + ": not valid YAML: " + e.getMessage(), e);
        }
        return out;
    }

    private static HasMetadata typed(String where, JsonNode doc) {
        String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new AssertionError(where + ": " + key + " is not a kind csi4j ships (known: "
                    + new java.util.TreeSet<>(KINDS.keySet()) + ")");
        }
        try {
            return STRICT.treeToValue(doc, type);
        } catch (IOException e) {
            throw new AssertionError(where + " (" + key + " " + doc.path("metadata").path("name").asText()
                    + ") does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Turns off the models' catch-all setters, so that unknown fields fail instead of being kept. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }
    }
}
