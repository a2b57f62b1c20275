package io.csi4j.simulator.intelliflash.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A volume (zvol, exposed as a LUN): its size, block size, provisioning, LU id and SCSI views. */
public final class Volume extends Dataset {

    public long volSize;
    public String blockSize;
    public boolean thin;
    public String protocol = "iSCSI";
    public final String luId;
    public final List<View> views = new ArrayList<>();

    public Volume(String pool, String project, String name, Instant createdAt, String luId) {
        super(pool, project, name, createdAt);
        this.luId = luId;
    }
}
