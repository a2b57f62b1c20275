package io.csi4j.adapters.grpc.metrics;

import static io.csi4j.adapters.grpc.fakes.Samples.createRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.RpcRecorder;
import io.grpc.Context;
import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsInterceptorTest {

    /** What a recorder was told, one entry per finished call. */
    record Finished(String service, String method, String code) {}

    private final List<Finished> finished = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final RpcRecorder recorder = (service, method) -> {
        active.incrementAndGet();
        return code -> {
            active.decrementAndGet();
            finished.add(new Finished(service, method, code));
        };
    };
    private final InProcessCsi csi = new InProcessCsi(recorder);

    @AfterEach
    void stop() {
        csi.close();
    }

    @Test
    void eachCallIsRecordedOnceWithItsServiceMethodAndStatusCode() {
        csi.controllerStub().createVolume(createRequest().build());
        csi.identityStub().probe(ProbeRequest.getDefaultInstance());

        assertThat(finished).containsExactly(new Finished("csi.v1.Controller", "CreateVolume", "OK"),
                new Finished("csi.v1.Identity", "Probe", "OK"));
        assertThat(active).hasValue(0);
    }

    @Test
    void aFailureIsRecordedWithTheCodeTheClientSees() {
        csi.controller.createVolume = Either.left(Failure.pending("pvc-1 is being created"));
        catchThrowable(() -> csi.controllerStub().createVolume(createRequest().build()));
        // Rejected by validation before any use case runs: still one call, with its code.
        catchThrowable(() -> csi.controllerStub().deleteVolume(DeleteVolumeRequest.getDefaultInstance()));

        assertThat(finished).extracting(Finished::method, Finished::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CreateVolume", "ABORTED"),
                        org.assertj.core.groups.Tuple.tuple("DeleteVolume", "INVALID_ARGUMENT"));
    }

    @Test
    void anExceptionInAHandlerIsRecordedAsInternal() {
        csi.controller.throwing(new IllegalStateException("bug"));

        catchThrowable(() -> csi.controllerStub().createVolume(createRequest().build()));

        assertThat(finished).extracting(Finished::code).containsExactly("INTERNAL");
    }

    @Test
    void aCallTheClientGaveUpOnIsRecordedAsCancelledOnce() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        // The handler outlives the client's deadline: it returns only once the server has seen the call cancelled
        // (a fixed sleep would race the deadline on a loaded machine).
        csi.controller.duringCall = () -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Context.current().isCancelled() && System.nanoTime() < until) {
                sleep(10);
            }
            done.countDown();
        };

        catchThrowable(() -> csi.controllerStub().withDeadlineAfter(1, TimeUnit.SECONDS)
                .createVolume(createRequest().build()));

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (finished.isEmpty() && System.nanoTime() < until) {
            sleep(10);
        }
        sleep(100);
        assertThat(finished).extracting(Finished::code).containsExactly("CANCELLED");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
