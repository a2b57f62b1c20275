package io.csi4j.ports.service;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.SizePolicy;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.out.BackendFeatures;
import io.csi4j.ports.out.ExpansionSupport;
import io.csi4j.ports.out.PublishSupport;
import io.csi4j.ports.out.SnapshotSupport;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/** Forwards every call to another backend; tests override the one method they want to change. */
class DelegatingBackend implements VolumeBackend {

    private final VolumeBackend d;

    DelegatingBackend(VolumeBackend delegate) {
        this.d = delegate;
    }

    @Override
    public BackendName name() {
        return d.name();
    }

    @Override
    public BackendFeatures features() {
        return d.features();
    }

    @Override
    public boolean recordsParameters() {
        return d.recordsParameters();
    }

    @Override
    public Either<Failure, Done> validate(Parameters parameters, List<VolumeCapability> capabilities) {
        return d.validate(parameters, capabilities);
    }

    @Override
    public SizePolicy sizePolicy(Parameters parameters) {
        return d.sizePolicy(parameters);
    }

    @Override
    public List<Topology> placements(Parameters parameters) {
        return d.placements(parameters);
    }

    @Override
    public Either<Failure, Optional<Volume>> findByName(VolumeName name) {
        return d.findByName(name);
    }

    @Override
    public Either<Failure, Volume> create(VolumeSpec spec) {
        return d.create(spec);
    }

    @Override
    public Either<Failure, Volume> get(VolumeId id) {
        return d.get(id);
    }

    @Override
    public Either<Failure, Done> delete(VolumeId id, Secrets secrets) {
        return d.delete(id, secrets);
    }

    @Override
    public Either<Failure, Page<Volume>> list(PageRequest request) {
        return d.list(request);
    }

    @Override
    public Either<Failure, Done> supports(Volume volume, VolumeCapability capability) {
        return d.supports(volume, capability);
    }

    @Override
    public Either<Failure, CapacityReport> capacity(Parameters parameters, Optional<Topology> placement) {
        return d.capacity(parameters, placement);
    }

    @Override
    public Either<Failure, VolumeCondition> condition(VolumeId id) {
        return d.condition(id);
    }

    @Override
    public Health probe() {
        return d.probe();
    }

    @Override
    public Optional<VolumeId> recogniseForeignId(String raw) {
        return d.recogniseForeignId(raw);
    }

    @Override
    public Optional<SnapshotSupport> snapshots() {
        return d.snapshots();
    }

    @Override
    public Optional<PublishSupport> publishing() {
        return d.publishing();
    }

    @Override
    public Optional<ExpansionSupport> expansion() {
        return d.expansion();
    }
}
