package io.csi4j.adapters.hammerspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import io.csi4j.simulator.hammerspace.TaskPlan;
import io.vavr.control.Either;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the simulator: sessions, tasks, failure mapping, idempotent answers, TLS. */
class HammerspaceApiTest {

    @TempDir
    Path dir;

    SimulatorFixture fx;
    HammerspaceApi api;

    @BeforeEach
    void start() throws Exception {
        fx = new SimulatorFixture(dir);
        api = fx.api();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        fx.close();
    }

    static <T> T ok(Either<Failure, T> r) {
        assertThat(r.isRight()).as("expected success, got %s", r.isLeft() ? r.getLeft() : "").isTrue();
        return r.get();
    }

    static Failure failed(Either<Failure, ?> r) {
        assertThat(r.isLeft()).as("expected a failure, got %s", r.isRight() ? r.get() : "").isTrue();
        return r.getLeft();
    }

    static Model.ShareRequest request(String name) {
        return new Model.ShareRequest(name, "made by a test", Map.of("csi4j_volume", "v-" + name),
                OptionalLong.of(1 << 20), List.of(new Model.ExportOption("10.0.0.0/8", "RW", true)), List.of());
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    @Test
    void anExpiredSessionIsRenewedAndThePostIsSentAgainWithItsWholeBody() {
        ok(api.shares());
        fx.sim.expireSessions();

        ok(api.createShare(request("after-expiry")));

        Model.Share s = ok(api.share("after-expiry")).orElseThrow();
        assertThat(s.extendedInfo()).containsEntry("csi4j_volume", "v-after-expiry");
        assertThat(s.sizeLimit()).hasValue(1 << 20);
        assertThat(s.exportOptions()).containsExactly(new Model.ExportOption("10.0.0.0/8", "RW", true));
        assertThat(fx.sim.requestCount("POST shares")).isEqualTo(1);
        assertThat(fx.sim.requestCount("POST login")).isEqualTo(2);
    }

    @Test
    void aForbiddenAnswerAlsoLogsInAgainOnce() {
        ok(api.shares());
        fx.sim.faults().failRequests("GET", "shares", 403, 1);

        assertThat(ok(api.shares())).isEmpty();
        assertThat(fx.sim.requestCount("POST login")).isEqualTo(2);
    }

    @Test
    void callersThatAllFindTheSessionExpiredShareOneLogin() throws Exception {
        ok(api.shares());
        fx.sim.expireSessions();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Either<Failure, List<Model.Share>>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit(() -> api.shares()));
            }
            for (var c : calls) {
                ok(c.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // one login at first use, then one for all the callers that found the session expired
        assertThat(fx.sim.requestCount("POST login")).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsUnauthenticatedAndNamesTheUserButNotThePassword() throws Exception {
        ClientConfig wrong = ClientConfig.of(fx.sim.endpoint(), "admin", new Secret("not-the-password"))
                .withTls(true, Optional.of(fx.caFile));
        try (HammerspaceApi bad = SimulatorFixture.api(wrong)) {
            Failure f = failed(bad.shares());
            assertThat(f).isInstanceOf(Failure.Unauthenticated.class);
            assertThat(f.message()).contains("admin").doesNotContain("not-the-password");
        }
    }

    // ---- TLS --------------------------------------------------------------------------------------------------

    @Test
    void anUntrustedCertificateIsRefusedByDefault() throws Exception {
        ClientConfig defaults = ClientConfig.of(fx.sim.endpoint(), "admin", new Secret(SimulatorConfig.DEFAULT_PASSWORD));
        try (HammerspaceApi strict = SimulatorFixture.api(defaults)) {
            Failure f = failed(strict.shares());
            assertThat(f).isInstanceOf(Failure.Unavailable.class);
            assertThat(f.message()).contains("TLS");
        }
        assertThat(fx.sim.requestCount("POST login")).isZero();
    }

    @Test
    void verificationSwitchedOffExplicitlyAcceptsAnyCertificate() throws Exception {
        ClientConfig lax = ClientConfig.of(fx.sim.endpoint(), "admin", new Secret(SimulatorConfig.DEFAULT_PASSWORD))
                .withTls(false, Optional.empty());
        try (HammerspaceApi insecure = SimulatorFixture.api(lax)) {
            assertThat(ok(insecure.shares())).isEmpty();
        }
    }

    @Test
    void aCaFileWithoutCertificatesIsRefusedAtSetUp() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        Either<Failure, HsHttp> r = HsHttp.create(fx.clientConfig().withTls(true, Optional.of(empty)));
        assertThat(failed(r)).isInstanceOf(Failure.InvalidArgument.class);
    }

    // ---- tasks ------------------------------------------------------------------------------------------------

    @Test
    void intermediateStatusesArePolledThroughUntilCompleted() {
        fx.sim.faults().nextTask("share-create", TaskPlan.through("VALIDATING", "VALIDATED", "EXECUTING"));

        assertThat(ok(api.createShare(request("slow")))).isEqualTo(Done.DONE);

        assertThat(fx.sim.requestCount("GET tasks/{}")).isEqualTo(4);
        assertThat(ok(api.share("slow")).orElseThrow().isReady()).isTrue();
    }

    @Test
    void onlyCompletedIsSuccessAndEachFailureStatusHasItsKind() {
        Map<String, Class<? extends Failure>> kinds = Map.of("FAILED", Failure.Unavailable.class,
                "HALTED", Failure.Unavailable.class, "CANCELLED", Failure.Unavailable.class,
                "RESUMED", Failure.Unavailable.class, "VALIDATION_FAILED", Failure.InvalidArgument.class);
        kinds.forEach((status, kind) -> {
            fx.sim.faults().nextTask("share-create", TaskPlan.failing(status, "disk on fire", "EXECUTING"));
            Failure f = failed(api.createShare(request("fails-" + status.toLowerCase().replace('_', '-'))));
            assertThat(f).as(status).isInstanceOf(kind);
            assertThat(f.message()).as(status).contains(status).contains("disk on fire");
        });
    }

    @Test
    void aTaskStillRunningAtTheDeadlineIsATimeoutAndItsShareAppearsOnceReleased() throws Exception {
        fx.sim.faults().nextTask("share-create", TaskPlan.holding());
        ClientConfig quick = fx.clientConfig().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300),
                Duration.ofMillis(10), Duration.ofMillis(50));
        try (HammerspaceApi impatient = SimulatorFixture.api(quick)) {
            assertThat(failed(impatient.createShare(request("held")))).isInstanceOf(Failure.Timeout.class);

            assertThat(ok(impatient.share("held")).orElseThrow().isReady()).isFalse();
            // a retry while the task still runs is told to come back later, and creates nothing
            assertThat(failed(impatient.createShare(request("held")))).isInstanceOf(Failure.OperationPending.class);

            fx.sim.releaseTasks("share-create");
            assertThat(ok(impatient.share("held")).orElseThrow().isReady()).isTrue();
        }
        assertThat(fx.sim.shareNames()).containsExactly("held");
    }

    @Test
    void aSlowAnswerIsATimeout() throws Exception {
        ok(api.shares());
        fx.sim.faults().latency(Duration.ofMillis(1500));
        ClientConfig quick = fx.clientConfig().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(1),
                Duration.ofMillis(10), Duration.ofMillis(50));
        try (HammerspaceApi impatient = SimulatorFixture.api(quick)) {
            assertThat(failed(impatient.shares())).isInstanceOf(Failure.Timeout.class);
        } finally {
            fx.sim.faults().latency(Duration.ZERO);
        }
    }

    @Test
    void aPollThatFailsOnceIsRetried() {
        fx.sim.faults().nextTask("share-create", TaskPlan.through("EXECUTING"));
        fx.sim.faults().failRequests("GET", "tasks/", 503, 1);

        assertThat(ok(api.createShare(request("bumpy")))).isEqualTo(Done.DONE);
    }

    @Test
    void serverErrorsAreUnavailableAndNotDefects() {
        fx.sim.faults().failRequests("GET", "shares", 503, 1);
        assertThat(failed(api.shares())).isInstanceOf(Failure.Unavailable.class);
        fx.sim.faults().failRequests("GET", "cntl", 500, 1);
        assertThat(failed(api.clusterState())).isInstanceOf(Failure.Unavailable.class);
    }

    @Test
    void aLocationWithoutATaskIdCannotBeFollowed() {
        assertThat(TaskWaiter.taskId("https://anvil:8443/mgmt/v1.2/rest/tasks/0b1c-22/")).contains("0b1c-22");
        assertThat(TaskWaiter.taskId("/mgmt/v1.2/rest/tasks/abc?x=1")).contains("abc");
        assertThat(TaskWaiter.taskId("https://anvil/")).isEmpty();
        assertThat(TaskWaiter.taskId("https://anvil/tasks/../..")).isEmpty();
    }

    // ---- shares -----------------------------------------------------------------------------------------------

    @Test
    void aTakenNameIsRefusedAsAnInvalidArgumentAndCreatesNothingNew() {
        ok(api.createShare(request("taken")));

        Failure f = failed(api.createShare(request("taken")));

        assertThat(f).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(f.message()).contains("already exists");
        assertThat(fx.sim.shareNames()).containsExactly("taken");
    }

    @Test
    void aNameLongerThanEightyCharactersIsRefused() {
        Failure f = failed(api.createShare(request("n".repeat(81))));

        assertThat(f).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(f.message()).contains("80");
        assertThat(fx.sim.shareNames()).isEmpty();
    }

    @Test
    void anUnknownShareIsAbsentAndDeletingItIsDone() {
        assertThat(ok(api.share("nope"))).isEmpty();
        assertThat(ok(api.shareSnapshots("nope"))).isEmpty();
        assertThat(ok(api.deleteShare("nope", OptionalLong.of(0)))).isEqualTo(Done.DONE);
    }

    @Test
    void aRemovedShareIsDoneWhenDeletedAgainAndARunningDeleteIsPending() {
        ok(api.createShare(request("doomed")));
        ok(api.deleteShare("doomed", OptionalLong.of(3600)));
        assertThat(ok(api.share("doomed")).orElseThrow().isRemoved()).isTrue();
        assertThat(ok(api.deleteShare("doomed", OptionalLong.of(0)))).isEqualTo(Done.DONE);

        ok(api.createShare(request("slow-doom")));
        fx.sim.faults().nextTask("share-delete", TaskPlan.holding());
        ClientConfig quick = fx.clientConfig().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(100),
                Duration.ofMillis(10), Duration.ofMillis(50));
        try (HammerspaceApi impatient = SimulatorFixture.api(quick)) {
            assertThat(failed(impatient.deleteShare("slow-doom", OptionalLong.of(0)))).isInstanceOf(Failure.Timeout.class);
            assertThat(failed(impatient.deleteShare("slow-doom", OptionalLong.of(0))))
                    .isInstanceOf(Failure.OperationPending.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        fx.sim.releaseTasks("share-delete");
        assertThat(ok(api.share("slow-doom"))).isEmpty();
    }

    @Test
    void aGrownLimitIsWrittenByPuttingTheWholeDocumentBack() {
        ok(api.createShare(request("growing")));
        Model.Share s = ok(api.share("growing")).orElseThrow();

        ok(api.updateShare(s, doc -> doc.put("shareSizeLimit", 8L << 20)));

        Model.Share after = ok(api.share("growing")).orElseThrow();
        assertThat(after.sizeLimit()).hasValue(8L << 20);
        assertThat(after.extendedInfo()).isEqualTo(s.extendedInfo());
        assertThat(after.comment()).isEqualTo("made by a test");
    }

    @Test
    void spaceShrinksAsFilesAreWrittenIntoTheTree() throws Exception {
        ok(api.createShare(request("filling")));
        long before = ok(api.share("filling")).orElseThrow().space().available();
        try (RandomAccessFile f = new RandomAccessFile(fx.sim.root().resolve("filling/data").toFile(), "rw")) {
            f.write(new byte[64 * 1024]);
        }
        Model.Share after = ok(api.share("filling")).orElseThrow();
        assertThat(after.space().used()).isEqualTo(64 * 1024);
        assertThat(after.space().available()).isEqualTo(before - 64 * 1024);
    }

    @Test
    void objectivesAreListedAsObjectsAndAppliedByName() {
        assertThat(ok(api.objectives())).extracting(n -> n.path("name").asText()).contains("keep-online");
        ok(api.createShare(request("with-objective")));

        ok(api.objectiveSet("with-objective", "/", "keep-online"));

        assertThat(ok(api.share("with-objective")).orElseThrow().objectives()).containsExactly("keep-online");
        assertThat(failed(api.objectiveSet("with-objective", "/", "no-such-objective")))
                .isInstanceOf(Failure.InvalidArgument.class);
    }

    // ---- files and snapshots ------------------------------------------------------------------------------------

    @Test
    void aMissingPathIsAbsentWhetherTheApiAnswers404Or500() throws Exception {
        ok(api.createShare(request("files")));
        Files.writeString(fx.sim.root().resolve("files/hello"), "hi");

        assertThat(ok(api.file("/files/hello")).orElseThrow().size()).isEqualTo(2);
        assertThat(ok(api.file("/files")).orElseThrow().children()).extracting(Model.FileEntry::name)
                .containsExactly("hello");
        assertThat(ok(api.file("/files/missing"))).isEmpty();
        fx.sim.faults().missingFileStatus(500);
        assertThat(ok(api.file("/files/missing"))).isEmpty();
    }

    @Test
    void shareSnapshotNamesLoseTheirQuotesAndCurrentIsNotASnapshot() throws Exception {
        ok(api.createShare(request("snappy")));
        String name = ok(api.createShareSnapshot("snappy"));

        assertThat(name).doesNotContain("\"").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d+");
        assertThat(ok(api.shareSnapshots("snappy")).orElseThrow()).containsExactly(name);
        assertThat(ok(api.deleteShareSnapshot("snappy", name))).isEqualTo(Done.DONE);
        assertThat(ok(api.deleteShareSnapshot("snappy", name))).isEqualTo(Done.DONE);
        assertThat(ok(api.shareSnapshots("snappy")).orElseThrow()).isEmpty();
    }

    @Test
    void plainSnapshotNamesAreReadToo() throws Exception {
        try (SimulatorFixture plain = new SimulatorFixture(dir.resolve("plain"),
                SimulatorConfig.defaults(dir.resolve("plain-ns")).withQuotedSnapshotNames(false));
                HammerspaceApi client = plain.api()) {
            ok(client.createShare(request("plain")));
            assertThat(ok(client.createShareSnapshot("plain"))).doesNotContain("\"").isNotBlank();
        }
    }

    @Test
    void fileSnapshotsAreMadeListedRestoredAndDeletedAndANoMatchDeleteIsDone() throws Exception {
        ok(api.createShare(request("backing")));
        Path image = fx.sim.root().resolve("backing/img");
        Files.writeString(image, "version-1");

        String snap = ok(api.createFileSnapshot("/backing/img"));
        Files.writeString(image, "version-2");
        assertThat(snap).startsWith("/backing/.fsnapshot/img/");
        String time = snap.substring(snap.lastIndexOf('/') + 1);
        assertThat(ok(api.fileSnapshots("/backing/img"))).containsExactly(new Model.FileSnapshot("/backing/img", time));

        ok(api.restoreFileSnapshot(snap, "/backing/copy"));
        assertThat(Files.readString(fx.sim.root().resolve("backing/copy"))).isEqualTo("version-1");

        assertThat(ok(api.deleteFileSnapshot("/backing/img", time))).isEqualTo(Done.DONE);
        assertThat(ok(api.deleteFileSnapshot("/backing/img", time))).isEqualTo(Done.DONE);
        assertThat(ok(api.fileSnapshots("/backing/img"))).isEmpty();
        assertThat(failed(api.restoreFileSnapshot(snap, "/backing/again"))).isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void clusterStateAndPortalsAreRead() {
        Model.ClusterState state = ok(api.clusterState());
        assertThat(state.freeBytes()).isPositive();
        assertThat(state.name()).isEqualTo("sim-anvil");
        assertThat(ok(api.dataPortals())).singleElement()
                .satisfies(p -> assertThat(p.isUsable()).isTrue())
                .satisfies(p -> assertThat(p.address()).isEqualTo("127.0.0.1"));
    }
}
