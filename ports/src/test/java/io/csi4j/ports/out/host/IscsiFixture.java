package io.csi4j.ports.out.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the iSCSI initiator contract needs besides the initiator: two targets to log in to (one that wants CHAP,
 * one open), a portal where nothing answers, and ways to look at the node that the port does not offer. Implemented
 * over the fake host and over a real node with real targets.
 */
public interface IscsiFixture extends AutoCloseable {

    /** A target as the fixture set it up. */
    record Target(String iqn, List<String> portals, Optional<ChapCredentials> chap, List<Long> lunBytes) {

        /** LUN {@code n} (numbered from 1) of this target. */
        public IscsiAddress lun(int n) {
            return IscsiAddress.of(portals, iqn, n).get();
        }
    }

    IscsiInitiator initiator();

    /** A target with at least two LUNs that refuses logins without its CHAP credentials. */
    Target chapTarget();

    /** A target with at least one LUN and no CHAP. */
    Target openTarget();

    /** A portal ({@code host:port}) where no target answers. */
    String deadPortal();

    /** The node records ({@code iqn@host:port}) the initiator has now. */
    Set<String> records();

    /** The size of a block device in bytes. */
    long sizeOf(Path device);

    /** Logs out of everything and deletes every record the test left behind. */
    @Override
    void close();
}
