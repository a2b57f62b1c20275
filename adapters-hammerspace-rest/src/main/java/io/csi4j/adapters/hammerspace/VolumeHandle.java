package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A volume id in the original plugin's form, which this backend issues and accepts unchanged: {@code /<share>} for
 * a share volume, {@code /<backingShare>/<name>} for a directory or file in a backing share. Segments are printable
 * ASCII without {@code /}, never {@code .}/{@code ..} or hidden ({@code .snapshot}, {@code .fsnapshot}, ...), so
 * no id can reach outside the volume it names.
 */
record VolumeHandle(String share, Optional<String> entry) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~+=@,:%-][A-Za-z0-9._~+=@,:%-]*");

    /** The handle of a share volume. */
    static VolumeHandle ofShare(String share) {
        return new VolumeHandle(share, Optional.empty());
    }

    /** The handle of a file or directory in a backing share. */
    static VolumeHandle inBacking(String backing, String name) {
        return new VolumeHandle(backing, Optional.of(name));
    }

    /** Reads the original form; empty for anything else. */
    static Optional<VolumeHandle> parse(String raw) {
        if (raw == null || !raw.startsWith("/") || raw.length() > 128) {
            return Optional.empty();
        }
        String[] parts = raw.substring(1).split("/", -1);
        if (parts.length > 2 || parts[0].length() > Names.MAX_SHARE || !valid(parts[0])) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            return Optional.of(ofShare(parts[0]));
        }
        return valid(parts[1]) ? Optional.of(inBacking(parts[0], parts[1])) : Optional.empty();
    }

    /** Reads an id this backend issued: a foreign id of this backend in the original form. */
    static Optional<VolumeHandle> of(BackendName backend, VolumeId id) {
        if (!id.foreign() || !id.backend().equals(backend)) {
            return Optional.empty();
        }
        return parse(id.handle());
    }

    private static boolean valid(String segment) {
        return SEGMENT.matcher(segment).matches();
    }

    boolean isShare() {
        return entry.isEmpty();
    }

    /** The wire form. */
    String value() {
        return "/" + share + entry.map(e -> "/" + e).orElse("");
    }

    /** The namespace path of the volume's data. */
    String path() {
        return value();
    }

    VolumeId toId(BackendName backend) {
        return VolumeId.foreign(backend, value());
    }
}
