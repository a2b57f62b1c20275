package io.csi4j.simulator.intelliflash.model;

import java.util.ArrayList;
import java.util.List;

/** A project: a folder of shares and volumes with defaults they inherit (sharing, ACLs, default iSCSI views). */
public final class Project {

    public final String pool;
    public final String name;
    public boolean nfsOn = true;
    public boolean smbOn;
    public final List<Acl> nfsAcls = new ArrayList<>();
    public final List<View> defaultViews = new ArrayList<>();
    public long defaultVolumeSize = 1L << 30;
    public String defaultBlockSize = "32KB";

    public Project(String pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    public String path() {
        return Names.projectPath(pool, name);
    }
}
