package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.block;
import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.deleteSnapshot;
import static io.csi4j.bootstrap.driver.ControllerRequests.deleteVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromSnapshot;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.mount;
import static io.csi4j.bootstrap.driver.ControllerRequests.mountWithFlags;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.ControllerRequests.rwo;
import static io.csi4j.bootstrap.driver.ControllerRequests.snapshot;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerGetVolumeRequest;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.GetSnapshotRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Topology;
import io.csi4j.csi.v1.TopologyRequirement;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.csi.v1.VolumeContentSource;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken requests to every controller RPC of the built driver (CSI §1.4–§1.6, §1.9): each answers
 * the contract's code with a message naming the field, and none creates, changes or removes anything — the tree
 * under the root and the listings are the same before and after.
 */
class ControllerBadInputIT {

    private static final String SECRET = "TOPSECRET-do-not-print";
    private static final String TEN_KB = "n".repeat(10 * 1024);

    @TempDir
    static Path dir;

    static LocalDriver driver;
    static Volume volume;
    static Snapshot snap;

    @BeforeAll
    static void start() throws Exception {
        driver = LocalDriver.in(dir).start();
        volume = driver.controller().createVolume(directory("existing").build()).getVolume();
        snap = driver.controller().createSnapshot(snapshot("existing-snap", volume.getVolumeId())).getSnapshot();
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
    }

    /** One bad request: the call, the code it must end with, and text its message must hold. */
    private record Case(String name, Rpc.Call call, Status.Code code, String... fragments) {}

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsAnsweredWithItsCodeAndChangesNothing() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.addAll(createVolume());
        cases.addAll(otherVolumeRpcs());
        cases.addAll(snapshotRpcs());
        cases.addAll(idsNamingPaths());
        // The tree under the root is compared around every call; the listings, which the backend derives from
        // that tree, once around all of them (each listing is an RPC, and there are many cases).
        var start = driver.state();
        Stream<DynamicTest> each = cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            var before = DiskTree.of(driver.root());
            Status status = Rpc.fails(c.code(), c.call(), c.fragments());
            assertThat(status.getDescription()).as("no secret in the message").doesNotContain(SECRET);
            assertThat(DiskTree.of(driver.root())).as("nothing created, changed or removed").isEqualTo(before);
        }));
        return Stream.concat(each, Stream.of(
                DynamicTest.dynamicTest("the listings are as before all of them",
                        () -> assertThat(driver.state()).isEqualTo(start)),
                // CSI §1.7: secrets and mount flags are redacted from the request log as well as from statuses.
                DynamicTest.dynamicTest("no secret or mount flag reached the driver's log",
                        () -> assertThat(driver.output()).contains("CreateVolume").doesNotContain(SECRET))));
    }

    private static List<Case> createVolume() {
        Status.Code invalid = Status.Code.INVALID_ARGUMENT;
        return List.of(
                new Case("CreateVolume without name", () -> create(directory("")), invalid, "name"),
                new Case("CreateVolume without capabilities", () -> create(directory("no-caps")
                        .clearVolumeCapabilities()), invalid, "volume_capabilities"),
                new Case("CreateVolume with a capability without access mode", () -> create(directory("no-mode")
                        .clearVolumeCapabilities().addVolumeCapabilities(rwo().toBuilder().clearAccessMode())),
                        invalid, "access_mode"),
                new Case("CreateVolume with access mode UNKNOWN", () -> create(directory("mode-0")
                        .clearVolumeCapabilities().addVolumeCapabilities(mount(Mode.UNKNOWN))), invalid,
                        "access_mode"),
                new Case("CreateVolume with an access mode from the future", () -> create(directory("mode-42")
                        .clearVolumeCapabilities().addVolumeCapabilities(rwo().toBuilder().setAccessMode(
                                VolumeCapability.AccessMode.newBuilder().setModeValue(42)))), invalid, "access_mode"),
                new Case("CreateVolume with a capability without access type", () -> create(directory("no-type")
                        .clearVolumeCapabilities().addVolumeCapabilities(rwo().toBuilder().clearMount())), invalid,
                        "access_type"),
                new Case("CreateVolume with a 10 KB name", () -> create(directory(TEN_KB)), invalid, "name"),
                new Case("CreateVolume with a 129-byte name", () -> create(directory("é".repeat(64) + "x")), invalid,
                        "name"),
                new Case("CreateVolume with NUL in the name", () -> create(directory("a\u0000b")), invalid, "name"),
                new Case("CreateVolume with U+0001 in the name", () -> create(directory("a\u0001b")), invalid, "name"),
                new Case("CreateVolume with DEL in the name", () -> create(directory("a\u007fb")), invalid, "name"),
                new Case("CreateVolume with U+0085 in the name", () -> create(directory("a\u0085b")), invalid, "name"),
                new Case("CreateVolume with negative required_bytes", () -> create(directory("neg")
                        .setCapacityRange(range(-1, 0))), invalid, "capacity_range"),
                new Case("CreateVolume with negative limit_bytes", () -> create(directory("neg-limit")
                        .setCapacityRange(range(0, -MIB))), invalid, "capacity_range"),
                new Case("CreateVolume with limit below required", () -> create(directory("inverted")
                        .setCapacityRange(range(4 * MIB, 2 * MIB))), invalid, "capacity_range"),
                new Case("CreateVolume with an unknown StorageClass parameter", () -> create(directory("params")
                        .putParameters("replicas", "3")), invalid, "replicas"),
                new Case("CreateVolume with an unknown kind", () -> create(directory("kind")
                        .putParameters("kind", "ssd")), invalid, "kind"),
                new Case("CreateVolume with an unsupported fsType parameter", () -> create(directory("fs")
                        .putParameters("fsType", "ntfs")), invalid, "fsType"),
                new Case("CreateVolume with an unsupported capability fs_type", () -> create(directory("fs-cap")
                        .clearVolumeCapabilities().addVolumeCapabilities(mount("ntfs", Mode.SINGLE_NODE_WRITER))),
                        invalid, "ntfs"),
                new Case("CreateVolume with capabilities of two filesystem types", () -> create(directory("two-fs")
                        .clearVolumeCapabilities().addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER))
                        .addVolumeCapabilities(mount("xfs", Mode.SINGLE_NODE_WRITER))), invalid, "ext4"),
                new Case("CreateVolume of a block directory", () -> create(directory("block-dir")
                        .putParameters("kind", "directory").addVolumeCapabilities(block(Mode.SINGLE_NODE_WRITER))),
                        invalid, "block"),
                new Case("CreateVolume with parameters over 4 KiB", () -> create(directory("big-params")
                        .putParameters("kind", "x".repeat(5000))), invalid, "parameters"),
                new Case("CreateVolume with secrets over 4 KiB", () -> create(directory("big-secrets")
                        .putSecrets("password", SECRET + "x".repeat(5000))), invalid, "secrets"),
                new Case("CreateVolume with mount flags over 4 KiB", () -> create(directory("big-flags")
                        .clearVolumeCapabilities().addVolumeCapabilities(mountWithFlags(
                                Collections.nCopies(300, "password=" + SECRET)))), invalid, "mount_flags"),
                new Case("CreateVolume with a bind mount flag", () -> create(directory("flag-bind")
                        .clearVolumeCapabilities().addVolumeCapabilities(mountWithFlags(List.of("bind")))),
                        invalid, "mount flag"),
                new Case("CreateVolume with a remount flag", () -> create(directory("flag-remount")
                        .clearVolumeCapabilities().addVolumeCapabilities(mountWithFlags(List.of("ro", "remount")))),
                        invalid, "mount flag"),
                new Case("CreateVolume with two options smuggled into one flag", () -> create(directory("flag-comma")
                        .clearVolumeCapabilities().addVolumeCapabilities(mountWithFlags(List.of("ro,bind")))),
                        invalid, "mount flag"),
                new Case("CreateVolume with a mount helper flag", () -> create(directory("flag-helper")
                        .clearVolumeCapabilities().addVolumeCapabilities(mountWithFlags(
                                List.of("x-mount.mkdir=/etc/evil")))), invalid, "mount flag"),
                new Case("CreateVolume with a flag holding a newline", () -> create(directory("flag-nl")
                        .clearVolumeCapabilities().addVolumeCapabilities(mountWithFlags(List.of("noatime\nsuid")))),
                        invalid, "mount flag"),
                new Case("CreateVolume with mutable parameters (MODIFY_VOLUME not advertised)", () -> create(
                        directory("mutable").putMutableParametersV2("iops", "100")), invalid, "mutable_parameters"),
                new Case("CreateVolume with an empty content source", () -> create(directory("empty-source")
                        .setVolumeContentSource(VolumeContentSource.getDefaultInstance())), invalid,
                        "volume_content_source"),
                new Case("CreateVolume from a snapshot id holding NUL", () -> create(directory("src-nul")
                        .setVolumeContentSource(fromSnapshot("local:\u0000"))), invalid, "snapshot_id"),
                new Case("CreateVolume from a 10 KB volume id", () -> create(directory("src-long")
                        .setVolumeContentSource(fromVolume(TEN_KB))), invalid, "volume_id"),
                new Case("CreateVolume with an empty topology requirement", () -> create(directory("topo-empty")
                        .setAccessibilityRequirements(TopologyRequirement.getDefaultInstance())), invalid,
                        "accessibility_requirements"),
                new Case("CreateVolume with a malformed topology key", () -> create(directory("topo-key")
                        .setAccessibilityRequirements(TopologyRequirement.newBuilder().addRequisite(
                                Topology.newBuilder().putSegments("Bad_Prefix/node", "x")))), invalid, "topology"),
                new Case("CreateVolume with a topology value holding a slash", () -> create(directory("topo-value")
                        .setAccessibilityRequirements(TopologyRequirement.newBuilder().addRequisite(
                                LocalDriver.topologyOf("../../etc")))), invalid, "topology"),
                new Case("CreateVolume preferring a topology outside requisite", () -> create(directory("topo-pref")
                        .setAccessibilityRequirements(TopologyRequirement.newBuilder()
                                .addRequisite(driver.topology()).addPreferred(LocalDriver.topologyOf("other")))),
                        invalid, "preferred"));
    }

    private static List<Case> otherVolumeRpcs() {
        Status.Code invalid = Status.Code.INVALID_ARGUMENT;
        String id = volume.getVolumeId();
        return List.of(
                new Case("DeleteVolume without volume_id", () -> driver.controller().deleteVolume(deleteVolume("")),
                        invalid, "volume_id"),
                new Case("ValidateVolumeCapabilities without volume_id", () -> validate(
                        ValidateVolumeCapabilitiesRequest.newBuilder().addVolumeCapabilities(rwo())), invalid,
                        "volume_id"),
                new Case("ValidateVolumeCapabilities without capabilities", () -> validate(
                        ValidateVolumeCapabilitiesRequest.newBuilder().setVolumeId(id)), invalid,
                        "volume_capabilities"),
                new Case("ValidateVolumeCapabilities with a capability without access type", () -> validate(
                        ValidateVolumeCapabilitiesRequest.newBuilder().setVolumeId(id)
                                .addVolumeCapabilities(rwo().toBuilder().clearMount())), invalid, "access_type"),
                new Case("ControllerGetVolume without volume_id", () -> driver.controller().controllerGetVolume(
                        ControllerGetVolumeRequest.getDefaultInstance()), invalid, "volume_id"),
                new Case("ControllerExpandVolume without volume_id", () -> driver.controller().controllerExpandVolume(
                        ControllerExpandVolumeRequest.newBuilder().setCapacityRange(range(8 * MIB, 0)).build()),
                        invalid, "volume_id"),
                new Case("ControllerExpandVolume without capacity_range", () -> driver.controller()
                        .controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder().setVolumeId(id).build()),
                        invalid, "capacity_range"),
                new Case("ControllerExpandVolume with a negative size", () -> driver.controller()
                        .controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder().setVolumeId(id)
                                .setCapacityRange(range(-8 * MIB, 0)).build()), invalid, "capacity_range"),
                new Case("ControllerExpandVolume with a capability without access mode", () -> driver.controller()
                        .controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder().setVolumeId(id)
                                .setCapacityRange(range(8 * MIB, 0)).setVolumeCapability(rwo().toBuilder()
                                        .clearAccessMode()).build()), invalid, "access_mode"),
                new Case("ListVolumes with a negative max_entries", () -> driver.controller().listVolumes(
                        ListVolumesRequest.newBuilder().setMaxEntries(-1).build()), invalid, "max_entries"),
                new Case("ListVolumes with a forged token", () -> driver.controller().listVolumes(
                        ListVolumesRequest.newBuilder().setStartingToken("local/../../etc").build()),
                        Status.Code.ABORTED, "token"),
                new Case("GetCapacity with an unknown parameter", () -> driver.controller().getCapacity(
                        GetCapacityRequest.newBuilder().putParameters("replicas", "3").build()), invalid, "replicas"));
    }

    private static List<Case> snapshotRpcs() {
        Status.Code invalid = Status.Code.INVALID_ARGUMENT;
        String id = volume.getVolumeId();
        return List.of(
                new Case("CreateSnapshot without name", () -> driver.controller().createSnapshot(snapshot("", id)),
                        invalid, "name"),
                new Case("CreateSnapshot without source_volume_id", () -> driver.controller().createSnapshot(
                        snapshot("no-source", "")), invalid, "source_volume_id"),
                new Case("CreateSnapshot with a 10 KB name", () -> driver.controller().createSnapshot(
                        snapshot(TEN_KB, id)), invalid, "name"),
                new Case("CreateSnapshot with U+0001 in the name", () -> driver.controller().createSnapshot(
                        snapshot("s\u0001", id)), invalid, "name"),
                new Case("CreateSnapshot with an unknown parameter", () -> driver.controller().createSnapshot(
                        CreateSnapshotRequest.newBuilder(snapshot("params", id)).putParameters("tier", "gold")
                                .build()), invalid, "tier"),
                new Case("CreateSnapshot with secrets over 4 KiB", () -> driver.controller().createSnapshot(
                        CreateSnapshotRequest.newBuilder(snapshot("secrets", id))
                                .putSecrets("key", SECRET + "x".repeat(5000)).build()), invalid, "secrets"),
                new Case("DeleteSnapshot without snapshot_id", () -> driver.controller().deleteSnapshot(
                        deleteSnapshot("")), invalid, "snapshot_id"),
                new Case("GetSnapshot without snapshot_id", () -> driver.controller().getSnapshot(
                        GetSnapshotRequest.getDefaultInstance()), invalid, "snapshot_id"),
                new Case("ListSnapshots with a negative max_entries", () -> driver.controller().listSnapshots(
                        ListSnapshotsRequest.newBuilder().setMaxEntries(-1).build()), invalid, "max_entries"),
                new Case("ListSnapshots with a forged token", () -> driver.controller().listSnapshots(
                        ListSnapshotsRequest.newBuilder().setStartingToken("local/" + "A".repeat(26)).build()),
                        Status.Code.ABORTED, "token"),
                new Case("ListSnapshots with a token of another backend", () -> driver.controller().listSnapshots(
                        ListSnapshotsRequest.newBuilder().setStartingToken("other/" + "a".repeat(26)).build()),
                        Status.Code.ABORTED, "token"));
    }

    /**
     * Ids that try to name paths or carry bytes no id of ours has: ids the driver could have issued in form but
     * did not are unknown (NOT_FOUND), ids outside printable ASCII or over 128 bytes are invalid arguments.
     */
    private static List<Case> idsNamingPaths() {
        List<Case> cases = new ArrayList<>();
        Map<String, Status.Code> ids = new HashMap<>();
        for (String unknown : List.of("local:..", "local:../../etc/passwd", "../../volumes",
                "local:v1-" + "a".repeat(26) + "-aaaaaaaa/..")) {
            ids.put(unknown, Status.Code.NOT_FOUND);
        }
        for (String invalid : List.of("local:a\u0000b", "local:a\nb", "local:é", "local:" + "a".repeat(123), TEN_KB)) {
            ids.put(invalid, Status.Code.INVALID_ARGUMENT);
        }
        ids.forEach((raw, code) -> {
            String shown = raw.length() > 40 ? raw.substring(0, 20) + "…(" + raw.length() + " chars)" : raw;
            String label = shown.replace("\u0000", "\\0").replace("\u0001", "\\1").replace("\n", "\\n");
            String[] naming = code == Status.Code.INVALID_ARGUMENT ? new String[] {"volume_id"} : new String[0];
            cases.add(new Case("ValidateVolumeCapabilities of '" + label + "'", () -> validate(
                    ValidateVolumeCapabilitiesRequest.newBuilder().setVolumeId(raw).addVolumeCapabilities(rwo())),
                    code, naming));
            cases.add(new Case("ControllerGetVolume of '" + label + "'", () -> driver.controller().controllerGetVolume(
                    ControllerGetVolumeRequest.newBuilder().setVolumeId(raw).build()), code));
            cases.add(new Case("ControllerExpandVolume of '" + label + "'", () -> driver.controller()
                    .controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder().setVolumeId(raw)
                            .setCapacityRange(range(8 * MIB, 0)).build()), code));
            cases.add(new Case("CreateSnapshot of '" + label + "'", () -> driver.controller().createSnapshot(
                    snapshot("of-bad-id", raw)), code));
            cases.add(new Case("GetSnapshot of '" + label + "'", () -> driver.controller().getSnapshot(
                    GetSnapshotRequest.newBuilder().setSnapshotId(raw).build()), code));
            cases.add(new Case("CreateVolume from snapshot '" + label + "'", () -> create(directory("from-bad-id")
                    .setVolumeContentSource(fromSnapshot(raw))), code));
            if (code == Status.Code.INVALID_ARGUMENT) {
                // Deleting an unknown id is OK (CSI §3.3; see unknownIdsAreDeletedWithoutTouchingAnything), but an
                // id that no driver could have issued is rejected before anything looks at it.
                cases.add(new Case("DeleteVolume of '" + label + "'", () -> driver.controller().deleteVolume(
                        deleteVolume(raw)), code, "volume_id"));
                cases.add(new Case("DeleteSnapshot of '" + label + "'", () -> driver.controller().deleteSnapshot(
                        deleteSnapshot(raw)), code, "snapshot_id"));
                cases.add(new Case("ListSnapshots by snapshot '" + label + "'", () -> driver.controller()
                        .listSnapshots(ListSnapshotsRequest.newBuilder().setSnapshotId(raw).build()), code));
            }
        });
        return cases;
    }

    @Test
    void unknownIdsNamingPathsAreDeletedOrListedWithoutTouchingAnything() throws Exception {
        var before = driver.state();

        for (String raw : List.of("local:..", "local:../../etc/passwd", "local:/etc/passwd", "../../volumes",
                "local:v1-" + "a".repeat(26) + "-aaaaaaaa/..", "local:" + "a".repeat(122))) {
            assertThat(Rpc.code(() -> driver.controller().deleteVolume(deleteVolume(raw)))).as(raw)
                    .isEqualTo(Status.Code.OK);
            assertThat(Rpc.code(() -> driver.controller().deleteSnapshot(deleteSnapshot(raw)))).as(raw)
                    .isEqualTo(Status.Code.OK);
            assertThat(driver.controller().listSnapshots(ListSnapshotsRequest.newBuilder().setSnapshotId(raw).build())
                    .getEntriesList()).as(raw).isEmpty();
            assertThat(driver.controller().listSnapshots(ListSnapshotsRequest.newBuilder().setSourceVolumeId(raw)
                    .build()).getEntriesList()).as(raw).isEmpty();
        }

        assertThat(driver.state()).isEqualTo(before);
        assertThat(dataPath(volume)).isDirectory();
    }

    @Test
    void namesAtTheLimitOrWithPathCharactersAreAcceptedAndStayInsideTheRoot() throws Exception {
        List<String> names = List.of("x".repeat(128), "é".repeat(64), "../../../../etc/passwd", "/absolute/name",
                "tab\tnew\nline\rcarriage", "..", ".", "日本語の名前");
        List<String> outside = outsideTheRoot();
        for (String name : names) {
            Volume v = driver.controller().createVolume(directory(name).build()).getVolume();
            Snapshot s = driver.controller().createSnapshot(snapshot(name, v.getVolumeId())).getSnapshot();

            assertThat(dataPath(v).toAbsolutePath().normalize()).startsWith(driver.root().toRealPath());
            assertThat(v.getVolumeId()).hasSizeLessThanOrEqualTo(128);
            assertThat(s.getSnapshotId()).hasSizeLessThanOrEqualTo(128);
            assertThat(driver.controller().createVolume(directory(name).build()).getVolume()).isEqualTo(v);
            driver.controller().deleteSnapshot(deleteSnapshot(s.getSnapshotId()));
            driver.controller().deleteVolume(deleteVolume(v.getVolumeId()));
        }
        assertThat(outsideTheRoot()).as("nothing next to the root").isEqualTo(outside);
    }

    /** The test directory's entries that are not under the root (the driver's log grows, so only names count). */
    private static List<String> outsideTheRoot() throws Exception {
        return DiskTree.of(dir).stream().filter(line -> !line.startsWith("root"))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
    }

    private static Object create(CreateVolumeRequest.Builder request) {
        return driver.controller().createVolume(request.build());
    }

    private static Object validate(ValidateVolumeCapabilitiesRequest.Builder request) {
        return driver.controller().validateVolumeCapabilities(request.build());
    }
}
