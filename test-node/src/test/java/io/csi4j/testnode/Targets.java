package io.csi4j.testnode;

/** The iSCSI targets of a run, made on tgtd before the guest boots. */
final class Targets {

    static final long MIB = 1L << 20;

    /** CHAP; LUN 1 for ext4, 2 for xfs (at least 300 MiB), 3 for raw block. */
    static final int SCENARIOS = 1;
    /** CHAP, two LUNs: the initiator contract's CHAP target. */
    static final int CONTRACT_CHAP = 2;
    /** No CHAP, one LUN: the initiator contract's open target. */
    static final int CONTRACT_OPEN = 3;
    /** CHAP, one LUN, reached through two portals. */
    static final int MULTIPATH = 4;

    static final long EXT4_BYTES = 320 * MIB;
    static final long XFS_BYTES = 320 * MIB;
    static final long BLOCK_BYTES = 64 * MIB;

    private Targets() {}

    static String iqn(String name) {
        return Servers.IQN_PREFIX + name;
    }

    static void create(Servers s) {
        s.target(SCENARIOS, "scenarios", true);
        s.lun(SCENARIOS, 1, EXT4_BYTES);
        s.lun(SCENARIOS, 2, XFS_BYTES);
        s.lun(SCENARIOS, 3, BLOCK_BYTES);
        s.target(CONTRACT_CHAP, "contract-chap", true);
        s.lun(CONTRACT_CHAP, 1, 32 * MIB);
        s.lun(CONTRACT_CHAP, 2, 16 * MIB);
        s.target(CONTRACT_OPEN, "contract-open", false);
        s.lun(CONTRACT_OPEN, 1, 16 * MIB);
        s.target(MULTIPATH, "multipath", true);
        s.lun(MULTIPATH, 1, 64 * MIB);
    }
}
