package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.id.BackendName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one Hammerspace backend is set up (besides the API connection).
 *
 * @param pluginName written as {@code csi_created_by_plugin_name} on the shares it makes (the driver name)
 * @param dataPortalMountPrefix put before {@code /<share>} in export paths ({@code HS_DATA_PORTAL_MOUNT_PREFIX})
 * @param nfsOptions NFS mount options nodes get when the StorageClass names none
 * @param catalogShare the share that keeps the records of volumes and snapshots this driver made
 * @param defaultSizeBytes the size of a volume when the request names none
 * @param portalCacheTtl how long the list of data portals and floating IPs is reused
 */
public record HammerspaceBackendConfig(
        BackendName name,
        String pluginName,
        String pluginVersion,
        String dataPortalMountPrefix,
        List<String> nfsOptions,
        String catalogShare,
        long defaultSizeBytes,
        Duration portalCacheTtl) {

    public static final String DEFAULT_CATALOG_SHARE = "csi4j-catalog";
    public static final long DEFAULT_SIZE_BYTES = 1L << 30;
    public static final Duration DEFAULT_PORTAL_TTL = Duration.ofSeconds(30);

    public HammerspaceBackendConfig {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(pluginName, "'pluginName' must not be null");
        Objects.requireNonNull(pluginVersion, "'pluginVersion' must not be null");
        Objects.requireNonNull(dataPortalMountPrefix, "'dataPortalMountPrefix' must not be null");
        Objects.requireNonNull(catalogShare, "'catalogShare' must not be null");
        nfsOptions = List.copyOf(nfsOptions);
        if (!Names.isPlain(catalogShare) || catalogShare.length() > Names.MAX_SHARE) {
            throw new IllegalArgumentException("the catalog share name must be a plain share name: " + catalogShare);
        }
        if (defaultSizeBytes < (1 << 20)) {
            throw new IllegalArgumentException("the default volume size must be at least 1 MiB");
        }
    }

    public static HammerspaceBackendConfig withDefaults(BackendName name, String pluginName, String version) {
        return new HammerspaceBackendConfig(name, pluginName, version, "", List.of(), DEFAULT_CATALOG_SHARE,
                DEFAULT_SIZE_BYTES, DEFAULT_PORTAL_TTL);
    }

    public HammerspaceBackendConfig withDefaultSize(long bytes) {
        return new HammerspaceBackendConfig(name, pluginName, pluginVersion, dataPortalMountPrefix, nfsOptions,
                catalogShare, bytes, portalCacheTtl);
    }

    public HammerspaceBackendConfig withExports(String prefix, List<String> options) {
        return new HammerspaceBackendConfig(name, pluginName, pluginVersion, prefix, options, catalogShare,
                defaultSizeBytes, portalCacheTtl);
    }

    public HammerspaceBackendConfig withCatalogShare(String share) {
        return new HammerspaceBackendConfig(name, pluginName, pluginVersion, dataPortalMountPrefix, nfsOptions, share,
                defaultSizeBytes, portalCacheTtl);
    }
}
