package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiAddress;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Stages an iSCSI LUN: logged in through its portals (with CHAP from the node-stage secrets when the volume says
 * so), then the device bound onto {@code <staging>/block} (block access) or its filesystem — made only on a blank
 * device, checked, grown to fill the device — mounted on the staging directory. The LUN is recorded before the
 * login, so unstaging can log out after a crash. Work on one target is serialised with the other volumes of it.
 */
final class IscsiStager implements Stager {

    private final NodeHost host;
    private final NodeSettings settings;
    private final NodeLocks locks;
    private final DeviceMounter devices;
    private final Releases releases;

    IscsiStager(NodeHost host, NodeSettings settings, NodeLocks locks) {
        this.host = host;
        this.settings = settings;
        this.locks = locks;
        this.devices = new DeviceMounter(host);
        this.releases = new Releases(host, locks);
    }

    @Override
    public boolean handles(DataPath path) {
        return path instanceof DataPath.IscsiLun;
    }

    @Override
    public Either<Failure, Done> stage(Request r) {
        DataPath.IscsiLun lun = (DataPath.IscsiLun) r.dataPath();
        return IscsiAddress.of(lun.portals(), lun.targetIqn(), lun.lun()).flatMap(address -> chap(lun, r)
                .flatMap(chap -> locks.holding(NodeLocks.target(address.targetIqn()), () -> host.iscsi().find(address)
                        .flatMap(found -> devices.alreadyStaged(r, found))
                        .flatMap(done -> done ? Either.right(Done.DONE) : fresh(r, address, chap)))));
    }

    private static Either<Failure, Optional<ChapCredentials>> chap(DataPath.IscsiLun lun, Request r) {
        return lun.chap() ? ChapSecrets.from(r.secrets()).map(Optional::of) : Either.right(Optional.empty());
    }

    /**
     * Record (before mounting hides the directory), log in, then mount or bind. A stage that fails before anything
     * is mounted gives the LUN back (logging out unless another LUN of the target is in use) and forgets the record:
     * after a final error kubelet sends no NodeUnstage.
     */
    private Either<Failure, Done> fresh(Request r, IscsiAddress address, Optional<ChapCredentials> chap) {
        boolean readOnly = r.capability().accessMode().isReadOnly();
        StageRecord record = StageRecord.of(r.volumeId()).withIscsi(address);
        Either<Failure, Done> staged = host.paths().writeRecord(r.staging(), record.toMap())
                .flatMap(ok -> host.iscsi().attach(address, chap))
                .flatMap(device -> r.capability().isBlock()
                        ? devices.bindBlock(device, r.blockFile(), readOnly)
                        : devices.mountFilesystem(device, r.staging(), r.capability(),
                                LocalImageStager.fsType(r, settings)));
        if (staged.isLeft()) {
            releases.undoFailedStage(r, record);
        }
        return staged;
    }
}
