package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.IscsiAddress;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What staging set up on the host beyond mounts, written into the staging directory before anything is mounted
 * there, so unstaging can undo it even after a crash or restart: an image attached to a loop device, the iSCSI LUN
 * logged in for the volume, the backing share mounted for an image on it.
 */
record StageRecord(String volumeId, Optional<String> imageFile, Optional<IscsiAddress> iscsi, Optional<String> share) {

    private static final String VOLUME = "volume";
    private static final String IMAGE = "image";
    private static final String TARGET = "iscsi.target";
    private static final String PORTALS = "iscsi.portals";
    private static final String LUN = "iscsi.lun";
    private static final String SHARE = "share";

    static StageRecord of(String volumeId) {
        return new StageRecord(volumeId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    StageRecord withImage(String file) {
        return new StageRecord(volumeId, Optional.of(file), iscsi, share);
    }

    StageRecord withIscsi(IscsiAddress address) {
        return new StageRecord(volumeId, imageFile, Optional.of(address), share);
    }

    StageRecord withShare(String mountPoint) {
        return new StageRecord(volumeId, imageFile, iscsi, Optional.of(mountPoint));
    }

    Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(VOLUME, volumeId);
        imageFile.ifPresent(f -> m.put(IMAGE, f));
        iscsi.ifPresent(a -> {
            m.put(TARGET, a.targetIqn());
            m.put(PORTALS, String.join(",", a.portals()));
            m.put(LUN, Integer.toString(a.lun()));
        });
        share.ifPresent(s -> m.put(SHARE, s));
        return m;
    }

    /** A record whose iSCSI part does not parse is FailedPrecondition: it was not written by this driver. */
    static Either<Failure, StageRecord> fromMap(Map<String, String> m) {
        StageRecord base = new StageRecord(m.getOrDefault(VOLUME, ""), Optional.ofNullable(m.get(IMAGE)),
                Optional.empty(), Optional.ofNullable(m.get(SHARE)));
        if (!m.containsKey(TARGET)) {
            return Either.right(base);
        }
        int lun;
        try {
            lun = Integer.parseInt(m.getOrDefault(LUN, ""));
        } catch (NumberFormatException e) {
            lun = -1;
        }
        return IscsiAddress.of(Arrays.asList(m.getOrDefault(PORTALS, "").split(",")), m.get(TARGET), lun)
                .mapLeft(f -> Failure.precondition("the stage record names an iSCSI LUN this driver cannot read: "
                        + f.message()))
                .map(base::withIscsi);
    }
}
