package io.csi4j.adapters.intelliflash.array;

import java.util.List;

/** The SAN and ACL shapes the backends read. */
public final class SanRecords {

    private SanRecords() {}

    /** A SCSI view of a volume (ITView_V2_1). */
    public record View(String hostGroup, String targetGroup, int lun, boolean readOnly) {}

    /** An NFS network ACL entry (NetworkACL_V2_1). */
    public record NetAcl(String hostType, String host, String accessMode, boolean rootAccess) {}

    /** An iSCSI target with the portals it listens on. */
    public record Target(String name, String group, List<String> bindings) {}

    /** A pool's size and real free space, in bytes. */
    public record Pool(String name, long available, long total) {}
}
