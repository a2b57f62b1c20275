package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.volume.Secrets;
import java.util.Set;

/**
 * A network share the fake host can mount: an NFS export offering some versions, or an SMB share that wants
 * credentials. Its one filesystem is what every mount of it shows.
 */
final class FakeShare {

    final FakeFs fs;
    final Set<String> nfsVersions;
    final Secrets credentials;

    private FakeShare(FakeFs fs, Set<String> nfsVersions, Secrets credentials) {
        this.fs = fs;
        this.nfsVersions = Set.copyOf(nfsVersions);
        this.credentials = credentials;
    }

    static FakeShare nfs(FakeFs fs, Set<String> versions) {
        return new FakeShare(fs, versions, null);
    }

    static FakeShare smb(FakeFs fs, Secrets credentials) {
        return new FakeShare(fs, Set.of(), credentials);
    }

    boolean isSmb() {
        return credentials != null;
    }

    /** Whether the export offers {@code version}; plain {@code 4} negotiates any 4.x, as mount.nfs does. */
    boolean offers(String version) {
        return version.equals("4") ? nfsVersions.stream().anyMatch(v -> v.startsWith("4"))
                : nfsVersions.contains(version.equals("4.0") ? "4.0" : version);
    }
}
