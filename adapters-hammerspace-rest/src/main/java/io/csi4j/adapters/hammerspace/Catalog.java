package io.csi4j.adapters.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.hammerspace.rest.Json;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The records of the volumes and snapshots this driver made, kept as small JSON files in a share of their own (the
 * catalog share, made on first use): what the Anvil cannot hold for us — the CO's name of a file-backed volume, the
 * creation parameters, the content source, the CO's name and creation time of a snapshot. Each record is stored
 * under the hash of the CO name and again under the hash of the id, so both lookups read one file. A record is
 * written after its object is complete and removed after its object is gone; the object's existence is always
 * checked on the Anvil, so a stale record is harmless.
 */
final class Catalog {

    private static final String VERSION = "v1";

    private final String share;
    private final ShareProvisioner shares;
    private final Exports exports;
    private final ShareAccess access;
    private volatile boolean ensured;

    Catalog(String share, ShareProvisioner shares, Exports exports, ShareAccess access) {
        this.share = share;
        this.shares = shares;
        this.exports = exports;
        this.access = access;
    }

    String share() {
        return share;
    }

    Either<Failure, Optional<VolumeRecord>> volume(String name) {
        return read("volumes", name, VolumeRecord::fromJson).map(r -> r.filter(v -> v.name().equals(name)));
    }

    Either<Failure, Optional<VolumeRecord>> volumeById(String id) {
        return read("volume-ids", id, VolumeRecord::fromJson).map(r -> r.filter(v -> v.id().equals(id)));
    }

    Either<Failure, Done> put(VolumeRecord r) {
        return write("volume-ids", r.id(), r.toJson()).flatMap(ok -> write("volumes", r.name(), r.toJson()));
    }

    /**
     * Removes the record of {@code id}, and the name record when it still points to {@code id}; leaves a tombstone
     * with the generation, so that the next volume of the same name gets a new id.
     */
    Either<Failure, Done> removeVolume(String id) {
        return volumeById(id).flatMap(r -> {
            Either<Failure, Done> byName = r.isEmpty() ? Either.right(Done.DONE)
                    : tombstone(r.get()).flatMap(t -> volume(r.get().name())).flatMap(n -> n.isPresent()
                            && n.get().id().equals(id) ? delete("volumes", r.get().name()) : Either.right(Done.DONE));
            return byName.flatMap(ok -> delete("volume-ids", id));
        });
    }

    /** The generation of the last volume deleted under this CO name; 0 when none was. */
    Either<Failure, Long> lastGeneration(String name) {
        return read("deleted", name, n -> n.path("name").asText("").equals(name)
                ? Optional.of(n.path("generation").asLong(0)) : Optional.<Long>empty()).map(g -> g.orElse(0L));
    }

    private Either<Failure, Done> tombstone(VolumeRecord r) {
        return lastGeneration(r.name()).flatMap(last -> last >= r.generation() ? Either.right(Done.DONE)
                : write("deleted", r.name(), Json.bytes(java.util.Map.of("name", r.name(), "generation",
                        r.generation()))));
    }

    Either<Failure, Optional<SnapshotRecord>> snapshot(String name) {
        return read("snapshots", name, SnapshotRecord::fromJson).map(r -> r.filter(s -> s.name().equals(name)));
    }

    Either<Failure, Optional<SnapshotRecord>> snapshotById(String id) {
        return read("snapshot-ids", id, SnapshotRecord::fromJson).map(r -> r.filter(s -> s.id().equals(id)));
    }

    Either<Failure, Done> put(SnapshotRecord r) {
        return write("snapshot-ids", r.id(), r.toJson()).flatMap(ok -> write("snapshots", r.name(), r.toJson()));
    }

    Either<Failure, Done> removeSnapshot(String id) {
        return snapshotById(id).flatMap(r -> {
            Either<Failure, Done> byName = r.isEmpty() ? Either.right(Done.DONE)
                    : snapshot(r.get().name()).flatMap(n -> n.isPresent() && n.get().id().equals(id)
                            ? delete("snapshots", r.get().name()) : Either.right(Done.DONE));
            return byName.flatMap(ok -> delete("snapshot-ids", id));
        });
    }

    /** Every snapshot record. */
    Either<Failure, List<SnapshotRecord>> snapshots() {
        return dir("snapshot-ids").flatMap(d -> {
            List<SnapshotRecord> out = new ArrayList<>();
            if (!Files.isDirectory(d)) {
                return Either.right(out);
            }
            try (Stream<Path> s = Files.list(d)) {
                for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".json")).toList()) {
                    parse(p, SnapshotRecord::fromJson).ifPresent(out::add);
                }
                return Either.right(out);
            } catch (IOException e) {
                return Either.left(Failure.unavailable("cannot list the catalog in " + d + ": " + e.getMessage()));
            }
        });
    }

    private <T> Either<Failure, Optional<T>> read(String kind, String key, Function<JsonNode, Optional<T>> parse) {
        return dir(kind).map(d -> parse(d.resolve(Names.sha256(key) + ".json"), parse));
    }

    private static <T> Optional<T> parse(Path file, Function<JsonNode, Optional<T>> parse) {
        try {
            return parse.apply(Json.MAPPER.readTree(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a torn or foreign file is no record: the object it would describe is judged from the Anvil alone
            return Optional.empty();
        }
    }

    private Either<Failure, Done> write(String kind, String key, byte[] json) {
        return dir(kind).flatMap(d -> LocalFiles.writeAtomically(d.resolve(Names.sha256(key) + ".json"), json));
    }

    private Either<Failure, Done> delete(String kind, String key) {
        return dir(kind).flatMap(d -> LocalFiles.deleteTree(d.resolve(Names.sha256(key) + ".json")));
    }

    /** The catalog's directory for {@code kind}; the share is made once, and opened (mounted) every time. */
    private Either<Failure, Path> dir(String kind) {
        Either<Failure, ?> ready = ensured ? Either.right(Done.DONE) : shares.ensure(share, Markers.Role.CATALOG,
                "csi4j catalog of volumes and snapshots", List.of(), List.of()).peek(s -> ensured = true);
        return ready.flatMap(ok -> exports.location(share)).flatMap(access::open)
                .map(p -> p.resolve(VERSION).resolve(kind));
    }
}
