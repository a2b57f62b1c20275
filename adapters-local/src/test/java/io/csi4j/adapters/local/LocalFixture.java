package io.csi4j.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A local backend on a temporary root, with the helpers the local-specific tests share. */
final class LocalFixture {

    static final VolumeCapability MOUNT = VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);
    static final VolumeCapability EXT4 = VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER);
    static final long MIB = SizeRules.MIB;

    final Path root;
    final SettableClock clock = new SettableClock();
    final LocalBackendConfig config;
    final LocalBackend backend;

    LocalFixture(Path tmp) throws IOException {
        this(LocalBackendConfig.withDefaults(new BackendName("local"), Files.createTempDirectory(tmp, "root"),
                "node-1"));
    }

    LocalFixture(LocalBackendConfig config) throws IOException {
        this.config = config;
        this.root = config.root().toRealPath();
        this.backend = ok(LocalBackend.open(config, clock));
    }

    static <T> T ok(Either<Failure, T> r) {
        assertThat(r.isRight()).as("expected success, got %s", r.isLeft() ? r.getLeft() : "").isTrue();
        return r.get();
    }

    static Failure failed(Either<Failure, ?> r) {
        assertThat(r.isLeft()).as("expected a failure, got %s", r.isRight() ? r.get() : "").isTrue();
        return r.getLeft();
    }

    VolumeSpec spec(String name, long size, Map<String, String> params, VolumeCapability capability) {
        return new VolumeSpec(new VolumeName(name), size, List.of(capability), new Parameters(params), Optional.empty(),
                Optional.of(config.topology()), Secrets.NONE);
    }

    VolumeSpec directory(String name) {
        return spec(name, 64 * MIB, Map.of(), MOUNT);
    }

    VolumeSpec image(String name) {
        return spec(name, 64 * MIB, Map.of("kind", "image"), EXT4);
    }

    VolumeSpec copyOf(VolumeSpec spec, ContentSource source) {
        return new VolumeSpec(spec.name(), spec.sizeBytes(), spec.capabilities(), spec.parameters(),
                Optional.of(source), spec.placement(), spec.secrets());
    }

    Path volumeSlot(String name) {
        String slot = SlotNames.slotOf(name);
        return root.resolve("volumes").resolve(SlotStore.shardOf(slot)).resolve(slot);
    }

    Path snapshotSlot(String name) {
        String slot = SlotNames.slotOf(name);
        return root.resolve("snapshots").resolve(SlotStore.shardOf(slot)).resolve(slot);
    }

    /** Every path under the root, relative to it, for "nothing left behind" checks. */
    /**
     * Every path under the root, except the shard directories that slots live in (they are created once and kept,
     * so a shard that held a deleted volume is not something the delete left behind).
     */
    List<String> tree() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root) && !isShard(p)).map(p -> root.relativize(p).toString()).sorted()
                    .toList();
        }
    }

    private boolean isShard(Path p) {
        return p.getParent() != null && p.getNameCount() == root.getNameCount() + 2
                && (p.getParent().equals(root.resolve("volumes")) || p.getParent().equals(root.resolve("snapshots")));
    }

    /** A clock the tests move by hand. */
    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00.123456789Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
