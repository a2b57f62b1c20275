package io.csi4j.adapters.hammerspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The API's objects as this client reads them, parsed tolerantly from JSON (unknown keys ignored, null sizes
 * allowed). Nothing here leaves the adapter.
 */
public final class Model {

    private Model() {}

    /** Share states that matter: a share is usable once MOUNTED or PUBLISHED and gone once REMOVED. */
    public static final String MOUNTED = "MOUNTED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String REMOVED = "REMOVED";

    /** A share as {@code GET /shares/{name}} shows it; {@code document} is the whole JSON, for PUT. */
    public record Share(String name, String path, String state, String comment, OptionalLong sizeLimit,
            Map<String, String> extendedInfo, List<ExportOption> exportOptions, Space space, List<String> objectives,
            ObjectNode document) {

        public boolean isReady() {
            return state.equals(MOUNTED) || state.equals(PUBLISHED);
        }

        public boolean isRemoved() {
            return state.equals(REMOVED);
        }

        static Share of(JsonNode n) {
            Map<String, String> info = new LinkedHashMap<>();
            n.path("extendedInfo").properties().forEach(f -> info.put(f.getKey(), f.getValue().asText()));
            List<ExportOption> exports = new ArrayList<>();
            n.path("exportOptions").forEach(e -> exports.add(new ExportOption(e.path("subnet").asText(""),
                    e.path("accessPermissions").asText(""), e.path("rootSquash").asBoolean(false))));
            List<String> objectives = new ArrayList<>();
            n.path("objectives").path("appliedObjectives").forEach(o -> objectives.add(o.path("name").asText("")));
            JsonNode limit = n.get("shareSizeLimit");
            OptionalLong sizeLimit = limit == null || limit.isNull() || limit.asLong() <= 0 ? OptionalLong.empty()
                    : OptionalLong.of(limit.asLong());
            JsonNode s = n.path("space");
            return new Share(n.path("name").asText(""), n.path("path").asText(""), n.path("shareState").asText(""),
                    n.path("comment").asText(""), sizeLimit, info, exports, new Space(s.path("total").asLong(0), s.path("used").asLong(0),
                            s.path("available").asLong(0)), objectives,
                    n.isObject() ? ((ObjectNode) n).deepCopy() : Json.MAPPER.createObjectNode());
        }
    }

    /** Space figures of a share, in bytes. */
    public record Space(long total, long used, long available) {}

    /** One export rule: a subnet (or host), RO or RW, and whether root is squashed. */
    public record ExportOption(String subnet, String accessPermissions, boolean rootSquash) {
        public ExportOption {
            Objects.requireNonNull(subnet, "'subnet' must not be null");
            Objects.requireNonNull(accessPermissions, "'accessPermissions' must not be null");
        }

        ObjectNode toJson() {
            return Json.MAPPER.createObjectNode().put("subnet", subnet).put("accessPermissions", accessPermissions)
                    .put("rootSquash", rootSquash);
        }
    }

    /** A namespace entry from {@code GET /files}; {@code children} is empty for a file. */
    public record FileEntry(String name, String path, long size, OptionalLong createTime, boolean directory,
            List<FileEntry> children) {

        static FileEntry of(JsonNode n) {
            List<FileEntry> kids = new ArrayList<>();
            n.path("children").forEach(c -> kids.add(of(c)));
            String path = n.path("path").asText("");
            String name = n.path("name").asText("");
            if (name.isEmpty() && path.contains("/")) {
                // Anvil 5.3.1 leaves name empty and gives only the path
                name = path.substring(path.lastIndexOf('/') + 1);
            }
            JsonNode ct = n.get("createTime");
            boolean dir = n.has("isDirectory") ? n.path("isDirectory").asBoolean() : n.has("children");
            return new FileEntry(name, path, n.path("size").asLong(0),
                    ct == null || ct.isNull() ? OptionalLong.empty() : OptionalLong.of(ct.asLong()), dir, kids);
        }
    }

    /** {@code GET /cntl/state}: the cluster's name, floating IPs and free capacity in bytes. */
    public record ClusterState(String name, List<String> floatingIps, long freeBytes, long totalBytes) {
        static ClusterState of(JsonNode n) {
            List<String> ips = new ArrayList<>();
            n.path("portalFloatingIps").forEach(ip -> {
                String a = ip.path("address").asText("");
                if (!a.isEmpty()) {
                    ips.add(a);
                }
            });
            JsonNode c = n.path("capacity");
            return new ClusterState(n.path("name").asText(""), ips, c.path("free").asLong(0), c.path("total").asLong(0));
        }
    }

    /** A data portal: the node that serves NFS, its address, its states and type ({@code NFS_V3}, ...). */
    public record DataPortal(String nodeName, String address, String operState, String adminState, String type) {
        public boolean isUsable() {
            return operState.equals("UP") && adminState.equals("UP") && type.startsWith("NFS");
        }

        static DataPortal of(JsonNode n) {
            return new DataPortal(n.path("node").path("name").asText(""),
                    n.path("node").path("mgmtIpAddress").path("address").asText(""), n.path("operState").asText(""),
                    n.path("adminState").asText(""), n.path("dataPortalType").asText(""));
        }
    }

    /** A task as {@code GET /tasks/{uuid}} shows it. */
    public record Task(String uuid, String type, String status, String message, String subject) {
        static Task of(JsonNode n) {
            return new Task(n.path("uuid").asText(""), n.path("name").asText(""),
                    n.path("status").asText(n.path("exitValue").asText("")), n.path("statusMessage").asText(""),
                    n.path("paramsMap").path("name").asText(""));
        }
    }

    /** One file snapshot from {@code GET /file-snapshots/list}. */
    public record FileSnapshot(String sourceFilename, String time) {
        static FileSnapshot of(JsonNode n) {
            return new FileSnapshot(n.path("sourceFilename").asText(""), n.path("time").asText(""));
        }
    }

    /**
     * The body of {@code POST /shares}: the share's name and path, comment, extendedInfo, a size limit when one is
     * wanted, export rules, and the full objective objects (as the API wants them) when objectives are asked for.
     */
    public record ShareRequest(String name, String comment, Map<String, String> extendedInfo, OptionalLong sizeLimit,
            List<ExportOption> exportOptions, List<JsonNode> objectives) {

        public ShareRequest {
            extendedInfo = Map.copyOf(extendedInfo);
            exportOptions = List.copyOf(exportOptions);
            objectives = List.copyOf(objectives);
        }

        byte[] toJson() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("name", name);
            o.put("path", "/" + name);
            o.put("comment", comment);
            ObjectNode info = o.putObject("extendedInfo");
            new java.util.TreeMap<>(extendedInfo).forEach(info::put);
            sizeLimit.ifPresent(l -> o.put("shareSizeLimit", l));
            if (!exportOptions.isEmpty()) {
                var arr = o.putArray("exportOptions");
                exportOptions.forEach(e -> arr.add(e.toJson()));
            }
            if (!objectives.isEmpty()) {
                var arr = o.putArray("shareObjectives");
                objectives.forEach(obj -> arr.addObject().set("objective", obj));
            }
            return Json.bytes(o);
        }
    }
}
