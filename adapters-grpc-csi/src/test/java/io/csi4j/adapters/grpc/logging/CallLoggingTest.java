package io.csi4j.adapters.grpc.logging;

import static io.csi4j.adapters.grpc.fakes.Samples.createRequest;
import static io.csi4j.adapters.grpc.fakes.Samples.mount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.adapters.grpc.server.ServiceChain;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeResponse;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.domain.failure.Failure;
import io.grpc.Metadata;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CallLoggingTest {

    private static final List<String> SENSITIVE = List.of("hunter2", "chap-password", "uid=1000", "sec=krb5");

    private final InProcessCsi csi = new InProcessCsi();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CallLoggingInterceptor.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // Captures the MDC on the logging thread; read later, it would be the test thread's.
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(true);
        csi.close();
    }

    private ILoggingEvent onlyLine() {
        assertThat(appender.list).hasSize(1);
        return appender.list.getFirst();
    }

    @Test
    void aCreateVolumeCallLogsOneStructuredLineWithoutSecretsOrMountFlags() {
        csi.controllerStub().createVolume(createRequest()
                .clearVolumeCapabilities()
                .addVolumeCapabilities(mount("nfs", Mode.MULTI_NODE_MULTI_WRITER, "uid=1000", "sec=krb5"))
                .putSecrets("username", "hunter2")
                .putSecrets("password", "chap-password")
                .build());

        ILoggingEvent line = onlyLine();
        String text = line.getFormattedMessage();
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(text).matches("rpc=CreateVolume request_id=[0-9a-f]{12} code=OK duration_ms=\\d+ request=\\{.*\\}")
                .contains("name=\"pvc-1\"", "secrets=<redacted 2 values>", "mount_flags=<redacted 2 values>");
        SENSITIVE.forEach(s -> assertThat(text).doesNotContain(s));
        String id = text.replaceAll("^rpc=CreateVolume request_id=([0-9a-f]+) .*", "$1");
        assertThat(line.getMDCPropertyMap()).containsEntry(RequestId.MDC_KEY, id);
        assertThat(csi.controller.only().mdcRequestId()).isEqualTo(id);
    }

    @Test
    void aNodeStageCallLogsWithoutSecretsOrMountFlags() throws Exception {
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name).addService(ServiceChain.wrap(new StagingNode())).build()
                .start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        try {
            NodeGrpc.newBlockingStub(channel).nodeStageVolume(NodeStageVolumeRequest.newBuilder()
                    .setVolumeId("local:vol-1")
                    .setStagingTargetPath("/var/lib/kubelet/staging/vol-1")
                    .setVolumeCapability(mount("cifs", Mode.SINGLE_NODE_WRITER, "uid=1000", "sec=krb5"))
                    .putSecrets("username", "hunter2")
                    .putSecrets("password", "chap-password")
                    .build());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        String text = onlyLine().getFormattedMessage();
        assertThat(text).startsWith("rpc=NodeStageVolume ")
                .contains("staging_target_path=\"/var/lib/kubelet/staging/vol-1\"");
        SENSITIVE.forEach(s -> assertThat(text).doesNotContain(s));
    }

    @Test
    void aShortRequestIdFromTheCallerIsUsedInTheLogAndTheUseCaseMdc() {
        Metadata headers = new Metadata();
        headers.put(RequestId.HEADER, "sidecar-42");

        csi.controllerStub().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .createVolume(createRequest().build());

        assertThat(onlyLine().getFormattedMessage()).contains("request_id=sidecar-42 ");
        assertThat(csi.controller.only().mdcRequestId()).isEqualTo("sidecar-42");
    }

    @Test
    void anUnsafeRequestIdFromTheCallerIsReplaced() {
        Metadata headers = new Metadata();
        headers.put(RequestId.HEADER, "evil id\twith=spaces");

        csi.controllerStub().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .createVolume(createRequest().build());

        assertThat(onlyLine().getFormattedMessage()).doesNotContain("evil").containsPattern("request_id=[0-9a-f]{12} ");
    }

    @Test
    void everyCallGetsItsOwnRequestId() {
        csi.controllerStub().createVolume(createRequest().build());
        csi.controllerStub().createVolume(createRequest().build());

        var ids = csi.controller.calls().stream().map(c -> c.mdcRequestId()).toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSize(12));
    }

    @Test
    void chattyRpcsLogAtDebug() {
        csi.identityStub().probe(ProbeRequest.getDefaultInstance());

        ILoggingEvent line = onlyLine();
        assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(line.getFormattedMessage()).startsWith("rpc=Probe ").contains("code=OK");
    }

    @Test
    void errorsLogAtInfoWithCodeAndMessage() {
        csi.controller.createVolume = Either.left(Failure.pending("pvc-1 is being created"));

        catchThrowable(() -> csi.controllerStub().createVolume(createRequest().build()));

        ILoggingEvent line = onlyLine();
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).contains("code=ABORTED", "message=\"pvc-1 is being created\"");
    }

    @Test
    void internalErrorsLogAtWarn() {
        csi.controller.throwing(new IllegalStateException("bug"));

        catchThrowable(() -> csi.controllerStub().createVolume(createRequest().build()));

        ILoggingEvent line = onlyLine();
        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getFormattedMessage()).contains("code=INTERNAL");
    }

    @Test
    void theDurationIsMeasuredPerCall() {
        csi.controller.duringCall = () -> sleep(60);

        csi.controllerStub().createVolume(createRequest().build());

        String text = onlyLine().getFormattedMessage();
        long ms = Long.parseLong(text.replaceAll(".*duration_ms=(\\d+).*", "$1"));
        assertThat(ms).isBetween(60L, 5_000L);
    }

    @Test
    void aCallWhoseDeadlinePassesIsLoggedAsCancelledWhileItsUseCaseStillCompletes() throws Exception {
        CountDownLatch clientGaveUp = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        csi.controller.duringCall = () -> {
            // Hold the use case until the client's deadline has passed, however slow this machine is.
            await(clientGaveUp);
            finished.countDown();
        };

        var e = catchThrowable(() -> csi.controllerStub().withDeadlineAfter(2, TimeUnit.SECONDS)
                .createVolume(createRequest().build()));
        clientGaveUp.countDown();

        assertThat(((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        // CSI §1.8: the CO retries; the first attempt's work is not abandoned halfway.
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        // The line is written when the handler completes, after the use case returns: wait for it, boundedly.
        for (int i = 0; i < 250 && appender.list.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(onlyLine().getFormattedMessage()).contains("rpc=CreateVolume", "code=CANCELLED");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A node service that stages nothing, to drive NodeStageVolume through the real interceptor chain. */
    private static final class StagingNode extends NodeGrpc.NodeImplBase {
        @Override
        public void nodeStageVolume(NodeStageVolumeRequest request, StreamObserver<NodeStageVolumeResponse> out) {
            out.onNext(NodeStageVolumeResponse.getDefaultInstance());
            out.onCompleted();
        }
    }
}
