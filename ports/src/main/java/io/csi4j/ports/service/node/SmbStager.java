package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stages an SMB share: {@code //server/share} mounted (cifs) on the staging directory with the node-stage secrets
 * {@value #USERNAME}, {@value #PASSWORD} and optionally {@value #DOMAIN} as credentials, which go to mount(8) in a
 * private file, never on its command line; options that would carry credentials are refused. Read-only access
 * modes mount read-only; a volume mount group becomes the {@code gid=} of the files, with group-writable modes
 * unless the options name others (SMB has no chgrp).
 */
final class SmbStager implements Stager {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String DOMAIN = "domain";

    private static final Pattern SHARE = Pattern.compile("[^\\p{Cntrl}/\\\\,][^\\p{Cntrl}\\\\,]{0,254}");
    private static final Set<String> CREDENTIAL_OPTIONS = Set.of("username", "user", "password", "pass", "credentials",
            "cred", "domain", "dom", "workgroup", "password2");

    private final NodeHost host;

    SmbStager(NodeHost host) {
        this.host = host;
    }

    @Override
    public boolean handles(DataPath path) {
        return path instanceof DataPath.SmbShare;
    }

    @Override
    public Either<Failure, Done> stage(Request r) {
        if (r.capability().isBlock()) {
            return Either.left(Failure.precondition("an SMB share cannot be used as a block device"));
        }
        DataPath.SmbShare share = (DataPath.SmbShare) r.dataPath();
        boolean readOnly = r.capability().accessMode().isReadOnly();
        return source(share).flatMap(source -> credentials(r.secrets()).flatMap(credentials -> options(share, r, readOnly)
                .flatMap(options -> SharedMount.state(host, r.staging(), m -> isShare(m.fsType()) && m.source().equals(source),
                                readOnly)
                        // Nothing but the mount to undo, which the mount table shows: no stage record is written.
                        .flatMap(state -> state == SharedMount.State.THERE ? Either.right(Done.DONE)
                                : host.mounter().mount(source, r.staging(), "cifs", options, credentials)))));
    }

    private static boolean isShare(String fsType) {
        return fsType.equals("cifs") || fsType.equals("smb3");
    }

    static Either<Failure, String> source(DataPath.SmbShare share) {
        if (!NfsMounts.isServer(share.server())) {
            return Either.left(Failure.invalidArgument("'" + Printable.of(share.server()) + "' is not an SMB server"));
        }
        if (!SHARE.matcher(share.share()).matches()) {
            return Either.left(Failure.invalidArgument("'" + Printable.of(share.share()) + "' is not an SMB share name"));
        }
        return Either.right("//" + share.server() + "/" + share.share());
    }

    /** The credentials mount.cifs reads from its credentials file; InvalidArgument naming the missing secret. */
    static Either<Failure, Secrets> credentials(Secrets secrets) {
        for (String key : List.of(USERNAME, PASSWORD)) {
            if (secrets.get(key).filter(v -> !v.isEmpty()).isEmpty()) {
                return Either.left(Failure.invalidArgument("the node-stage secrets of an SMB volume lack '" + key
                        + "' (keys: username, password, optional domain)"));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(USERNAME, secrets.get(USERNAME).orElseThrow());
        out.put(PASSWORD, secrets.get(PASSWORD).orElseThrow());
        secrets.get(DOMAIN).filter(d -> !d.isEmpty()).ifPresent(d -> out.put(DOMAIN, d));
        return Either.right(new Secrets(out));
    }

    private static Either<Failure, List<String>> options(DataPath.SmbShare share, Request r, boolean readOnly) {
        AccessType.Mount mount = r.capability().accessType() instanceof AccessType.Mount m ? m : AccessType.mount("");
        return OptionLists.merge(share.options(), mount.mountFlags()).flatMap(merged -> {
            for (String k : merged.keySet()) {
                if (CREDENTIAL_OPTIONS.contains(k)) {
                    return Either.left(Failure.invalidArgument("SMB credentials come from the node-stage secrets, not"
                            + " from the mount option '" + k + "'"));
                }
            }
            if (!mount.volumeMountGroup().isEmpty() && !merged.containsKey("gid")) {
                if (!mount.volumeMountGroup().matches("\\d{1,10}")) {
                    return Either.left(Failure.invalidArgument("volume_mount_group must be a numeric group id"));
                }
                merged.put("gid", "gid=" + mount.volumeMountGroup());
                merged.putIfAbsent("file_mode", "file_mode=0664");
                merged.putIfAbsent("dir_mode", "dir_mode=0775");
            }
            if (readOnly) {
                merged.remove("rw");
                merged.put("ro", "ro");
            }
            return Either.right(new ArrayList<>(merged.values()));
        });
    }
}
