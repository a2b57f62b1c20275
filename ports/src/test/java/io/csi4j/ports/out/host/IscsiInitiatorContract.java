package io.csi4j.ports.out.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link IscsiInitiator}: logins, devices and logouts decided from the node's real session list,
 * idempotent both ways, with CHAP refusals that leave nothing behind.
 */
public abstract class IscsiInitiatorContract {

    protected IscsiFixture fixture;
    protected IscsiInitiator iscsi;

    protected abstract IscsiFixture openFixture() throws Exception;

    @BeforeEach
    final void open() throws Exception {
        fixture = openFixture();
        iscsi = fixture.initiator();
    }

    @AfterEach
    final void close() {
        fixture.close();
    }

    private static <T> T ok(Either<Failure, T> outcome) {
        assertThat(outcome.isRight()).as("expected success but got %s", outcome).isTrue();
        return outcome.get();
    }

    private static Failure failed(Either<Failure, ?> outcome) {
        assertThat(outcome.isLeft()).as("expected a failure but got %s", outcome).isTrue();
        return outcome.getLeft();
    }

    private List<IscsiSession> sessionsOf(IscsiFixture.Target target) {
        return ok(iscsi.sessions()).stream().filter(s -> s.targetIqn().equals(target.iqn())).toList();
    }

    @Test
    void attachLogsInAndReturnsTheDeviceOfThatLun() {
        IscsiFixture.Target t = fixture.chapTarget();

        Path device = ok(iscsi.attach(t.lun(1), t.chap()));

        assertThat(fixture.sizeOf(device)).isEqualTo(t.lunBytes().get(0));
        assertThat(sessionsOf(t)).extracting(IscsiSession::portal).containsExactlyElementsOf(t.portals());
        assertThat(ok(iscsi.find(t.lun(1)))).contains(device);
        assertThat(ok(iscsi.attached())).anySatisfy(lun -> {
            assertThat(lun.address().targetIqn()).isEqualTo(t.iqn());
            assertThat(lun.address().lun()).isEqualTo(1);
            assertThat(lun.device()).isEqualTo(device);
        });
        assertThat(fixture.records()).contains(t.iqn() + "@" + t.portals().getFirst());
    }

    @Test
    void attachingTwiceGivesTheSameDeviceOverTheSameSession() {
        IscsiFixture.Target t = fixture.openTarget();

        Path first = ok(iscsi.attach(t.lun(1), Optional.empty()));
        Path second = ok(iscsi.attach(t.lun(1), Optional.empty()));

        assertThat(second).isEqualTo(first);
        assertThat(sessionsOf(t)).hasSize(t.portals().size());
    }

    @Test
    void aWrongChapSecretIsUnauthenticatedAndLeavesNoSessionNorRecord() {
        IscsiFixture.Target t = fixture.chapTarget();
        ChapCredentials good = t.chap().orElseThrow();

        Failure failure = failed(iscsi.attach(t.lun(1), Optional.of(ChapCredentials.oneWay(good.username(),
                "wrong-" + good.password()))));

        assertThat(failure).isInstanceOf(Failure.Unauthenticated.class);
        assertThat(failure.message()).doesNotContain("wrong-" + good.password());
        assertThat(sessionsOf(t)).isEmpty();
        assertThat(fixture.records()).noneMatch(r -> r.startsWith(t.iqn() + "@"));
    }

    @Test
    void noCredentialsForACHAPTargetIsUnauthenticated() {
        IscsiFixture.Target t = fixture.chapTarget();

        assertThat(failed(iscsi.attach(t.lun(1), Optional.empty()))).isInstanceOf(Failure.Unauthenticated.class);
        assertThat(sessionsOf(t)).isEmpty();
    }

    @Test
    void detachWithLogoutLeavesNoDeviceSessionOrRecord() {
        IscsiFixture.Target t = fixture.chapTarget();
        ok(iscsi.attach(t.lun(1), t.chap()));

        assertThat(ok(iscsi.detach(t.lun(1), true))).isEqualTo(Done.DONE);

        assertThat(ok(iscsi.find(t.lun(1)))).isEmpty();
        assertThat(sessionsOf(t)).isEmpty();
        assertThat(fixture.records()).noneMatch(r -> r.startsWith(t.iqn() + "@"));
        assertThat(ok(iscsi.detach(t.lun(1), true))).as("repeat").isEqualTo(Done.DONE);
    }

    @Test
    void detachWithoutLogoutRemovesOnlyThatLunsDevice() {
        IscsiFixture.Target t = fixture.chapTarget();
        ok(iscsi.attach(t.lun(1), t.chap()));
        Path second = ok(iscsi.attach(t.lun(2), t.chap()));

        ok(iscsi.detach(t.lun(1), false));

        assertThat(ok(iscsi.find(t.lun(1)))).isEmpty();
        assertThat(ok(iscsi.find(t.lun(2)))).contains(second);
        assertThat(sessionsOf(t)).hasSize(t.portals().size());
        ok(iscsi.detach(t.lun(2), true));
        assertThat(sessionsOf(t)).isEmpty();
    }

    @Test
    void aLunDetachedWithoutLogoutComesBackOnTheNextAttach() {
        IscsiFixture.Target t = fixture.chapTarget();
        ok(iscsi.attach(t.lun(1), t.chap()));
        ok(iscsi.attach(t.lun(2), t.chap()));
        ok(iscsi.detach(t.lun(1), false));

        Path again = ok(iscsi.attach(t.lun(1), t.chap()));

        assertThat(ok(iscsi.find(t.lun(1)))).contains(again);
        assertThat(fixture.sizeOf(again)).isEqualTo(t.lunBytes().get(0));
    }

    @Test
    void detachingWhatIsNotAttachedIsDone() {
        IscsiFixture.Target t = fixture.openTarget();

        assertThat(ok(iscsi.detach(t.lun(1), true))).isEqualTo(Done.DONE);
        assertThat(ok(iscsi.detach(t.lun(1), false))).isEqualTo(Done.DONE);
        assertThat(ok(iscsi.find(t.lun(1)))).isEmpty();
    }

    @Test
    void aPortalWhereNothingAnswersIsUnavailableAndLeavesNothing() {
        IscsiFixture.Target t = fixture.openTarget();
        IscsiAddress dead = t.lun(1).withPortals(List.of(fixture.deadPortal()));

        assertThat(failed(iscsi.attach(dead, Optional.empty()))).isInstanceOf(Failure.Unavailable.class);
        assertThat(sessionsOf(t)).isEmpty();
        assertThat(fixture.records()).noneMatch(r -> r.startsWith(t.iqn() + "@"));
    }

    @Test
    void aLunTheTargetDoesNotHaveIsNotFoundAndTheLoginIsUndone() {
        IscsiFixture.Target t = fixture.openTarget();
        IscsiAddress missing = IscsiAddress.of(t.portals(), t.iqn(), 77).get();

        assertThat(failed(iscsi.attach(missing, Optional.empty()))).isInstanceOf(Failure.NotFound.class);
        assertThat(sessionsOf(t)).isEmpty();
    }

    @Test
    void rescanOfAnAttachedLunKeepsItsDevice() {
        IscsiFixture.Target t = fixture.openTarget();
        Path device = ok(iscsi.attach(t.lun(1), Optional.empty()));

        assertThat(ok(iscsi.rescan(t.lun(1)))).isEqualTo(Done.DONE);

        assertThat(ok(iscsi.find(t.lun(1)))).contains(device);
    }

    @Test
    void discoveryListsTheTargetsOfAPortalWithoutSavingRecords() {
        IscsiFixture.Target t = fixture.openTarget();

        List<IscsiTarget> found = ok(iscsi.discover(t.portals().getFirst(), Optional.empty()));

        assertThat(found).contains(new IscsiTarget(t.portals().getFirst(), t.iqn()));
        assertThat(fixture.records()).noneMatch(r -> r.startsWith(t.iqn() + "@"));
        assertThat(failed(iscsi.discover(fixture.deadPortal(), Optional.empty())))
                .isInstanceOf(Failure.Unavailable.class);
    }
}
