package io.csi4j.adapters.grpc.validation;

import io.csi4j.domain.paging.PageRequest;
import java.util.Optional;

/** A validated ListSnapshots request: optional id filters and the page asked for. */
public record SnapshotQuery(Optional<String> snapshotId, Optional<String> sourceVolumeId, PageRequest page) {}
