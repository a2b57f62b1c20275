package io.csi4j.adapters.intelliflash.array;

/**
 * Shares and volumes share most of the API under different method names and snapshot prefixes; this names them.
 */
public enum DatasetKind {
    SHARE("getShare", "listShares", "deleteShare", "modifyShareProperties", "createShareSnapshot", "deleteShareSnapshot",
            "cloneShareSnapshot", "Manual-S-"),
    VOLUME("getVolume", "listVolumes", "deleteVolume", "modifyVolumeProperties", "createVolumeSnapshot",
            "deleteVolumeSnapshot", "cloneVolumeSnapshot", "Manual-V-");

    final String get;
    final String list;
    final String delete;
    final String modify;
    final String snapshot;
    final String deleteSnapshot;
    final String clone;
    /** What the array puts in front of the snapshot names it is given. */
    public final String snapshotPrefix;

    DatasetKind(String get, String list, String delete, String modify, String snapshot, String deleteSnapshot,
            String clone, String snapshotPrefix) {
        this.get = get;
        this.list = list;
        this.delete = delete;
        this.modify = modify;
        this.snapshot = snapshot;
        this.deleteSnapshot = deleteSnapshot;
        this.clone = clone;
        this.snapshotPrefix = snapshotPrefix;
    }
}
