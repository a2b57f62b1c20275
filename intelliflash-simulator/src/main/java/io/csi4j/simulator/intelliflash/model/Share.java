package io.csi4j.simulator.intelliflash.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A share (filesystem): quota and reservation ({@code -1} = none), an NFS export path, and NFS/SMB exposure that
 * follows the project until the share sets its own.
 */
public final class Share extends Dataset {

    public long quota = -1;
    public long reservation = -1;
    public String mountPoint;
    public String blockSize = "128KB";
    public String readonly = "off";
    public boolean nfsOverride;
    public boolean nfsOn;
    public final List<Acl> nfsAcls = new ArrayList<>();
    public boolean smbOverride;
    public boolean smbOn;
    public String smbName;

    public Share(String pool, String project, String name, Instant createdAt) {
        super(pool, project, name, createdAt);
    }
}
