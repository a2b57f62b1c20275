package io.csi4j.adapters.grpc.controller;

import static io.csi4j.adapters.grpc.fakes.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.adapters.grpc.fakes.Samples;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.GetSnapshotRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.grpc.Status.Code;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotRpcsTest {

    private final InProcessCsi csi = new InProcessCsi();

    @AfterEach
    void close() {
        csi.close();
    }

    private static CreateSnapshotRequest.Builder createRequest() {
        return CreateSnapshotRequest.newBuilder().setName("snap-pvc-1").setSourceVolumeId("local:vol-1");
    }

    @Test
    void createSnapshotPassesTheRequestAndTranslatesTheSnapshot() {
        var snapshot = csi.controllerStub().createSnapshot(createRequest().putParameters("class", "fast")
                .putSecrets("key", "s3cr3t").build()).getSnapshot();

        var args = csi.controller.only().args();
        assertThat(args.get(0)).isEqualTo(new SnapshotName("snap-pvc-1"));
        assertThat(args.get(1)).isEqualTo("local:vol-1");
        assertThat(args.get(2)).isEqualTo(new Parameters(Map.of("class", "fast")));
        assertThat(((Secrets) args.get(3)).get("key")).contains("s3cr3t");
        assertThat(snapshot.getSnapshotId()).isEqualTo("local:snap-1");
        assertThat(snapshot.getSourceVolumeId()).isEqualTo("local:vol-1");
        assertThat(snapshot.getSizeBytes()).isEqualTo(1L << 30);
        assertThat(snapshot.getReadyToUse()).isTrue();
        assertThat(snapshot.getCreationTime().getSeconds()).isEqualTo(Samples.CUT_AT.getEpochSecond());
        assertThat(snapshot.getCreationTime().getNanos()).isEqualTo(789_000_000);
        assertThat(snapshot.getGroupSnapshotId()).isEmpty();
    }

    @Test
    void createSnapshotRequiresNameAndSource() {
        assertFails(() -> csi.controllerStub().createSnapshot(createRequest().clearName().build()),
                Code.INVALID_ARGUMENT, "name is required");
        assertFails(() -> csi.controllerStub().createSnapshot(createRequest().clearSourceVolumeId().build()),
                Code.INVALID_ARGUMENT, "source_volume_id is required");
        assertFails(() -> csi.controllerStub().createSnapshot(createRequest().setName("s\u0002").build()),
                Code.INVALID_ARGUMENT, "name contains a control character");
        assertFails(() -> csi.controllerStub().createSnapshot(createRequest().setName("s".repeat(10_240)).build()),
                Code.INVALID_ARGUMENT, "name is longer than 128 bytes");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void createSnapshotAcceptsA128ByteName() {
        csi.controllerStub().createSnapshot(createRequest().setName("s".repeat(128)).build());

        assertThat(csi.controller.calls()).hasSize(1);
    }

    @Test
    void snapshotRpcsAreUnimplementedWithoutTheirCapabilities() {
        csi.describe.without(ControllerCapability.CREATE_DELETE_SNAPSHOT).without(ControllerCapability.LIST_SNAPSHOTS)
                .without(ControllerCapability.GET_SNAPSHOT);

        assertFails(() -> csi.controllerStub().createSnapshot(createRequest().build()), Code.UNIMPLEMENTED,
                "CreateSnapshot");
        assertFails(() -> csi.controllerStub().deleteSnapshot(DeleteSnapshotRequest.newBuilder()
                .setSnapshotId("local:snap-1").build()), Code.UNIMPLEMENTED, "DeleteSnapshot");
        assertFails(() -> csi.controllerStub().listSnapshots(ListSnapshotsRequest.getDefaultInstance()),
                Code.UNIMPLEMENTED, "ListSnapshots");
        assertFails(() -> csi.controllerStub().getSnapshot(GetSnapshotRequest.newBuilder()
                .setSnapshotId("local:snap-1").build()), Code.UNIMPLEMENTED, "GetSnapshot");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void aPendingSnapshotIsAborted() {
        csi.controller.createSnapshot = Either.left(Failure.pending("snapshot snap-pvc-1 is being cut"));

        assertFails(() -> csi.controllerStub().createSnapshot(createRequest().build()), Code.ABORTED,
                "being cut");
    }

    @Test
    void deleteSnapshotPassesTheRawIdAndRequiresIt() {
        csi.controllerStub().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId("local:snap-1").build());
        assertThat(csi.controller.only().args().getFirst()).isEqualTo("local:snap-1");

        assertFails(() -> csi.controllerStub().deleteSnapshot(DeleteSnapshotRequest.getDefaultInstance()),
                Code.INVALID_ARGUMENT, "snapshot_id is required");
    }

    @Test
    void listSnapshotsPassesFiltersAndPage() {
        csi.controller.listSnapshots = Either.right(new Page<>(List.of(Samples.snapshot()), "next"));

        var response = csi.controllerStub().listSnapshots(ListSnapshotsRequest.newBuilder()
                .setSourceVolumeId("local:vol-1").setMaxEntries(1).build());

        var args = csi.controller.only().args();
        assertThat(args).containsExactly(Optional.empty(), Optional.of("local:vol-1"), new PageRequest("", 1));
        assertThat(response.getNextToken()).isEqualTo("next");
        assertThat(response.getEntriesList()).singleElement()
                .satisfies(e -> assertThat(e.getSnapshot().getSnapshotId()).isEqualTo("local:snap-1"));
    }

    @Test
    void listSnapshotsRejectsNegativeMaxEntriesAndMalformedFilters() {
        assertFails(() -> csi.controllerStub().listSnapshots(ListSnapshotsRequest.newBuilder().setMaxEntries(-3)
                .build()), Code.INVALID_ARGUMENT, "max_entries");
        assertFails(() -> csi.controllerStub().listSnapshots(ListSnapshotsRequest.newBuilder()
                .setSnapshotId("snap\u0000").build()), Code.INVALID_ARGUMENT, "snapshot_id");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void getSnapshotTranslatesTheSnapshotAndMapsNotFound() {
        var snapshot = csi.controllerStub().getSnapshot(GetSnapshotRequest.newBuilder().setSnapshotId("local:snap-1")
                .build()).getSnapshot();
        assertThat(snapshot.getSnapshotId()).isEqualTo("local:snap-1");

        csi.controller.getSnapshot = Either.left(Failure.notFound("snapshot local:gone does not exist"));
        assertFails(() -> csi.controllerStub().getSnapshot(GetSnapshotRequest.newBuilder().setSnapshotId("local:gone")
                .build()), Code.NOT_FOUND, "local:gone");
        assertFails(() -> csi.controllerStub().getSnapshot(GetSnapshotRequest.getDefaultInstance()),
                Code.INVALID_ARGUMENT, "snapshot_id is required");
    }
}
