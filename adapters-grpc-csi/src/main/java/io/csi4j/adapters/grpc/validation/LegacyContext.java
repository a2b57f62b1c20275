package io.csi4j.adapters.grpc.validation;

import io.csi4j.domain.datapath.DataPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data path of a pre-provisioned file volume whose context has plain keys instead of csi4j's: {@code dataIp}
 * with {@code mountPoint} (an NFS export) or with {@code smbShare} and {@code mountFsType: cifs} (an SMB share), and
 * optional {@code mountOptions}. These are the keys the IntelliFlash file backend also writes, so a static PV can be
 * written by hand from what the array shows. Everything is checked again by the node before use.
 */
final class LegacyContext {

    private LegacyContext() {}

    static Optional<DataPath> decode(Map<String, String> context) {
        String ip = context.getOrDefault("dataIp", "");
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        List<String> options = Arrays.stream(context.getOrDefault("mountOptions", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        boolean cifs = context.getOrDefault("mountFsType", "nfs").equals("cifs");
        String share = context.getOrDefault("smbShare", "");
        String export = context.getOrDefault("mountPoint", "");
        if (cifs && !share.isEmpty()) {
            return Optional.of(new DataPath.SmbShare(ip, share, options));
        }
        if (!cifs && export.startsWith("/")) {
            return Optional.of(new DataPath.NfsExport(ip, export, options));
        }
        return Optional.empty();
    }
}
