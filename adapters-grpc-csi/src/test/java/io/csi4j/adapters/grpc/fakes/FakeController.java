package io.csi4j.adapters.grpc.fakes;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeEntry;
import io.csi4j.ports.in.ControllerUseCases;
import io.csi4j.ports.in.Validation;
import io.vavr.control.Either;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * In-memory controller use cases: each records the arguments it was called with and answers what the test set
 * (a sample success by default). {@link #throwing} makes every use case throw instead.
 */
public final class FakeController {

    /** One recorded use-case call. */
    public record Call(String useCase, List<Object> args, String mdcRequestId) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException throwing;

    public volatile Either<Failure, Volume> createVolume = Either.right(Samples.volume());
    public volatile Either<Failure, Done> deleteVolume = Either.right(Done.DONE);
    public volatile Either<Failure, Validation> validate = Either.right(new Validation.NotConfirmed("unset"));
    public volatile Either<Failure, Page<VolumeEntry>> listVolumes = Either.right(Page.last(List.of()));
    public volatile Either<Failure, VolumeEntry> getVolume = Either.right(Samples.entry());
    public volatile Either<Failure, CapacityReport> capacity = Either.right(
            new CapacityReport(5, OptionalLong.empty(), OptionalLong.empty()));
    public volatile Either<Failure, Expansion> expand = Either.right(new Expansion(2L << 30, true));
    public volatile Either<Failure, Snapshot> createSnapshot = Either.right(Samples.snapshot());
    public volatile Either<Failure, Done> deleteSnapshot = Either.right(Done.DONE);
    public volatile Either<Failure, Page<Snapshot>> listSnapshots = Either.right(Page.last(List.of()));
    public volatile Either<Failure, Snapshot> getSnapshot = Either.right(Samples.snapshot());
    public volatile Either<Failure, java.util.Map<String, String>> publish = Either.right(java.util.Map.of("lun", "1"));
    public volatile Either<Failure, Done> unpublish = Either.right(Done.DONE);
    public volatile Runnable duringCall = () -> {};

    public void throwing(RuntimeException e) {
        this.throwing = e;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public Call only() {
        if (calls.size() != 1) {
            throw new AssertionError("expected exactly one use-case call, got " + calls);
        }
        return calls.getFirst();
    }

    public ControllerUseCases useCases() {
        return new ControllerUseCases(
                c -> answer("createVolume", () -> createVolume, c),
                (id, secrets) -> answer("deleteVolume", () -> deleteVolume, id, secrets),
                c -> answer("validate", () -> validate, c),
                page -> answer("listVolumes", () -> listVolumes, page),
                id -> answer("getVolume", () -> getVolume, id),
                (caps, params, topology) -> answer("capacity", () -> capacity, caps, params, topology),
                (id, range, cap, secrets) -> answer("expandVolume", () -> expand, id, range, cap, secrets),
                (name, source, params, secrets) -> answer("createSnapshot", () -> createSnapshot, name, source, params,
                        secrets),
                (id, secrets) -> answer("deleteSnapshot", () -> deleteSnapshot, id, secrets),
                (id, source, page) -> answer("listSnapshots", () -> listSnapshots, id, source, page),
                id -> answer("getSnapshot", () -> getSnapshot, id),
                (id, node, cap, ro, secrets) -> answer("publishVolume", () -> publish, id, node, cap, ro, secrets),
                (id, node, secrets) -> answer("unpublishVolume", () -> unpublish, id, node, secrets));
    }

    private <T> T answer(String useCase, Supplier<T> result, Object... args) {
        calls.add(new Call(useCase, List.of(args), MDC.get("request_id")));
        duringCall.run();
        if (throwing != null) {
            throw throwing;
        }
        return result.get();
    }
}
