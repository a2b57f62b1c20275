package io.csi4j.adapters.hammerspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers for the backend's own tests. */
final class Fixtures {

    static final VolumeCapability NFS = VolumeCapability.mount("", AccessMode.MULTI_NODE_MULTI_WRITER);
    static final VolumeCapability EXT4 = VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER);
    static final VolumeCapability BLOCK = VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);

    private Fixtures() {}

    static <T> T ok(Either<Failure, T> r) {
        assertThat(r.isRight()).as("expected success, got %s", r.isLeft() ? r.getLeft() : "").isTrue();
        return r.get();
    }

    static Failure failed(Either<Failure, ?> r) {
        assertThat(r.isLeft()).as("expected a failure, got %s", r.isRight() ? r.get() : "").isTrue();
        return r.getLeft();
    }

    static Parameters params(String... kv) {
        var m = new java.util.TreeMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Parameters(Map.copyOf(m));
    }

    static VolumeSpec spec(String name, long size, VolumeCapability cap, Parameters p) {
        return new VolumeSpec(new VolumeName(name), size, List.of(cap), p, Optional.empty(), Optional.empty(),
                Secrets.NONE);
    }
}
