package io.csi4j.adapters.intelliflash.array;

/**
 * A share or volume as the array describes it, with the V1/V2 key and type differences already normalised.
 *
 * @param sizeBytes quota of a share (0 when it has none) or size of a volume
 * @param purpose the dataset's free-text purpose ("" when unset)
 * @param mountPoint a share's NFS export path ("" for volumes)
 * @param smbName a share's SMB share name ("" for volumes)
 * @param sharingOverridden whether a share sets its own NFS sharing instead of following its project
 * @param blockSize a volume's block size, e.g. "32KB" ("" for shares)
 */
public record DatasetInfo(DatasetKind kind, String pool, String project, String name, long sizeBytes, String purpose,
        String mountPoint, String smbName, boolean sharingOverridden, String blockSize, boolean thin) {

    public String path() {
        return ArrayPaths.dataset(pool, project, name);
    }
}
