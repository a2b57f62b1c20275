package io.csi4j.adapters.intelliflash;

import io.csi4j.adapters.intelliflash.rest.Credentials;
import io.csi4j.adapters.intelliflash.rest.TlsSettings;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the original {@code arrays:} map: how to reach the array and the defaults for volumes on it.
 *
 * @param configName the entry's key; the first part of every volume id on this array
 * @param restIp the REST endpoint {@code https://host:port}
 * @param defaultProject the project volumes go to unless the StorageClass names one
 * @param defaultDataIp the NFS/SMB server and iSCSI portal address nodes use
 * @param zone the value of {@code topology.kubernetes.io/zone} for volumes on this array, if any
 * @param defaultMountFsType {@code nfs} or {@code cifs} (file volumes)
 * @param defaultMountOptions mount options of file volumes
 * @param parentShareMountPoint the export of the pre-made share holding low-tier volumes (file)
 * @param inheritProjectSettings new LUNs take the project's default iSCSI views (block)
 * @param defaultTarget the iSCSI target (name or suffix) nodes log in to when there is a choice (block)
 * @param defaultTargetGroup target group of LUN mappings csi4j makes (block)
 * @param defaultHostGroup initiator group of LUN mappings csi4j makes (block)
 * @param defaultIscsiPort the portal port (block)
 */
public record ArrayConfig(
        String configName,
        URI restIp,
        Credentials credentials,
        String defaultProject,
        String defaultDataIp,
        Optional<String> zone,
        String defaultMountFsType,
        List<String> defaultMountOptions,
        Optional<String> parentShareMountPoint,
        boolean inheritProjectSettings,
        Optional<String> defaultTarget,
        Optional<String> defaultTargetGroup,
        Optional<String> defaultHostGroup,
        int defaultIscsiPort,
        TlsSettings tls) {

    public ArrayConfig {
        Objects.requireNonNull(configName, "'configName' must not be null");
        Objects.requireNonNull(restIp, "'restIp' must not be null");
        Objects.requireNonNull(credentials, "'credentials' must not be null");
        Objects.requireNonNull(defaultProject, "'defaultProject' must not be null");
        Objects.requireNonNull(defaultDataIp, "'defaultDataIp' must not be null");
        defaultMountOptions = List.copyOf(defaultMountOptions);
    }
}
